import { useT } from '../i18n.ts';

/**
 * A worker crashed during an action: says so and offers to run the same action again (on a fresh
 * worker). Everything shown before the action stays; nothing of the failed run was kept.
 */
export function FaultBanner({ onRetry, onDismiss }: { onRetry: () => void; onDismiss: () => void }) {
  const t = useT();
  return (
    <div className="error" role="alert" data-testid="fault">
      {t('faultsWorkerCrashed')}{' '}
      <button onClick={onRetry} data-testid="fault-retry">{t('faultsRetry')}</button>{' '}
      <button onClick={onDismiss}>{t('dismiss')}</button>
    </div>
  );
}

/** The browser refused to store the project (quota): the way out is a project file on disk. */
export function StorageFullNotice({ onExport }: { onExport: () => void }) {
  const t = useT();
  return (
    <div className="hint warning" role="alert" data-testid="storage-full">
      {t('faultsStorageFull')}{' '}
      <button onClick={onExport} data-testid="storage-full-export">{t('faultsExportProject')}</button>
    </div>
  );
}
