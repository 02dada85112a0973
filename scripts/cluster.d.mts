/** Types of scripts/cluster.mjs for the TypeScript that uses it (the layout's test, the benchmark). */
import type { ChildProcess } from 'node:child_process';

export type ClusterInstance = { name: string; port: number; url: string; process: ChildProcess | undefined; start(): Promise<void>; stop(): Promise<void> };
export type Cluster = { url: string; prefix: string; cacheDir: string; instances: ClusterInstance[]; nginx: ChildProcess; stop(): Promise<void> };

export const NGINX: string | undefined;
export const SERVER_NODE_FLAGS: string[];
export const UPSTREAM_FAIL_TIMEOUT_S: number;
export function waitUntilOk(url: string, timeoutMs?: number, isAlive?: () => boolean): Promise<void>;
export function prepareClusterDatabase(databaseUrl: string, env?: NodeJS.ProcessEnv): Promise<'seeded' | 'kept'>;
export function nginxConfig(options: { prefix: string; listen: number; instancePorts: number[]; workerProcesses?: number | 'auto' }): string;
export function startCluster(options: {
  databaseUrl: string;
  port?: number;
  instancePorts?: number[];
  env?: Record<string, string>;
  echo?: boolean;
  workerProcesses?: number | 'auto';
}): Promise<Cluster>;
export function rollingRestart(cluster: Cluster): Promise<void>;
