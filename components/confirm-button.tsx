'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, type ReactNode } from 'react';
import { secondaryButtonClass } from './form-field';

/**
 * A button for an irreversible step: it opens a modal dialog that names what will happen, and
 * only the dialog's confirm button runs the action. Built on the native <dialog> with showModal():
 * the rest of the page is inert (focus stays in the dialog), Escape or Cancel closes it and returns
 * focus to the button, and focus starts on Cancel, the safe choice. See docs/ui-patterns.md.
 */
export function ConfirmButton({
  children,
  title,
  description,
  confirmLabel,
  onConfirm,
  className,
  disabled,
  tone = 'default',
  describedBy,
}: {
  /** The button's own text, e.g. "Announce". */
  children: ReactNode;
  /** The question, e.g. "Announce this election?" */
  title: string;
  /** What will happen, in full: what becomes public, what can no longer be changed. */
  description: ReactNode;
  /** The verb on the confirm button, e.g. "Announce the election". */
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  className: string;
  disabled?: boolean;
  tone?: 'default' | 'danger';
  /** The id of a text that says why the button is disabled (or what it needs). */
  describedBy?: string;
}) {
  const t = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const confirmClass =
    tone === 'danger'
      ? 'inline-flex items-center justify-center rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800'
      : 'inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700';
  return (
    <>
      <button
        type="button"
        disabled={disabled}
        className={className}
        onClick={() => dialog.current?.showModal()}
        aria-haspopup="dialog"
        aria-describedby={describedBy}
      >
        {children}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="flex flex-col gap-3 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-brand-900">
            {title}
          </h2>
          <div id={`${id}-description`} className="text-sm text-slate-700">
            {description}
          </div>
          <div className="mt-2 flex flex-wrap justify-end gap-3">
            {/* First in the dialog, so it has the focus when the dialog opens (WAI-ARIA dialog pattern). */}
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- focus must move into an opened modal */}
            <button type="button" autoFocus className={secondaryButtonClass} onClick={() => dialog.current?.close()}>
              {t('cancel')}
            </button>
            <button
              type="button"
              className={confirmClass}
              onClick={() => {
                dialog.current?.close();
                void onConfirm();
              }}
            >
              {confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}

/**
 * A form's submit button that asks first: the form is sent, with this button's name and value,
 * only from the dialog's confirm button. Fields stay in the form, so their errors show where typed.
 */
export function ConfirmSubmit({ name, value, ...confirm }: Omit<Parameters<typeof ConfirmButton>[0], 'onConfirm'> & { name?: string; value?: string }) {
  const submitter = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={submitter} type="submit" name={name} value={value} hidden tabIndex={-1} aria-hidden="true" />
      <ConfirmButton {...confirm} onConfirm={() => submitter.current?.form?.requestSubmit(submitter.current)} />
    </>
  );
}
