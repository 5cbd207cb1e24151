import { lazy, Suspense } from 'react';
import { useImportWizard } from './import-store';

// The wizard brings the compiled record validators (about 300 KB): loaded when first opened.
const ImportWizard = lazy(() => import('./ImportWizard').then((m) => ({ default: m.ImportWizard })));

/** Mounted once by the shell; shows the import wizard while it is open. */
export function ImportWizardHost() {
  const open = useImportWizard((s) => s.open);
  const close = useImportWizard((s) => s.close);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ImportWizard onClose={close} />
    </Suspense>
  );
}
