import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { isSha256 } from './hash';
import { lockFile, type FileStore } from './store';

export type S3StoreConfig = {
  bucket: string;
  /** Key prefix inside the bucket, e.g. `portal/files/`. */
  prefix: string;
  /** An S3-compatible server's address; unset = AWS S3. */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/** The S3 settings from the environment (README, "Configuration"). */
export function s3ConfigFromEnv(env: NodeJS.ProcessEnv = process.env): S3StoreConfig {
  const bucket = env.S3_BUCKET;
  if (!bucket) throw new Error('STORAGE_BACKEND=s3 needs S3_BUCKET (and usually S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY).');
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
  return {
    bucket,
    prefix: env.S3_PREFIX ?? 'files/',
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || 'us-east-1',
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    // Without explicit keys the SDK's own chain applies (AWS_* variables, an instance role).
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey');

/** Files as objects `<prefix><sha256>` in one bucket. */
export function createS3Store(config: S3StoreConfig): FileStore {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Checksums only where S3 requires them: several S3-compatible servers reject the SDK's default trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const key = (sha256: string) => `${config.prefix}${sha256}`;
  const store: FileStore = {
    backend: 's3',
    async put(tx, { sha256, bytes, contentType }) {
      // Held until the transaction ends, so the sweeper cannot delete these bytes before the rows referring to them commit.
      await lockFile(tx, sha256);
      const exists = await client.send(new HeadObjectCommand({ Bucket: config.bucket, Key: key(sha256) })).then(
        () => true,
        (error: unknown) => {
          if (isNotFound(error)) return false;
          throw error;
        },
      );
      if (!exists) {
        await client.send(
          new PutObjectCommand({
            Bucket: config.bucket,
            Key: key(sha256),
            Body: bytes,
            ContentType: contentType,
            CacheControl: 'public, max-age=31536000, immutable',
          }),
        );
      }
      return { sha256, size: bytes.byteLength };
    },
    async putMany(tx, files) {
      // A few requests in flight at once: the bucket, not this process, is the bottleneck.
      for (let start = 0; start < files.length; start += 8) await Promise.all(files.slice(start, start + 8).map((file) => store.put(tx, file)));
    },
    async get(_db, sha256) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key(sha256) }));
        return object.Body ? await object.Body.transformToByteArray() : null;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async remove(_tx, sha256) {
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: key(sha256) }));
    },
    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: config.prefix, ContinuationToken: token }));
        for (const object of page.Contents ?? []) {
          const name = object.Key?.slice(config.prefix.length) ?? '';
          if (isSha256(name)) yield name;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
  return store;
}
