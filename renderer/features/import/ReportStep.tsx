import { useTranslation } from 'react-i18next';
import type { WizardCollection } from './import-defaults';
import { problemText } from './problem-text';
import type { ImportReport } from './run-import';

/** More would make a long page; the download has them all. */
const SHOWN_REJECTED = 100;

/** What the import did: counts, the rejected rows with line and reason, and whether it was undone. */
export function ReportStep(props: {
  collection: WizardCollection;
  report: ImportReport | null;
  failure: string;
  undone: boolean;
}) {
  const { t } = useTranslation();
  const { report } = props;
  return (
    <>
      {props.failure && <p role="alert">{props.failure}</p>}
      {report?.cancelled && <p role="status">{t('csv.cancelled')}</p>}
      {report && (
        <ul className="import-report" aria-label={t('csv.steps.report')}>
          <li>{t('csv.report.imported', { count: report.imported })}</li>
          <li>{t('csv.report.updated', { count: report.updated })}</li>
          <li>{t('csv.report.skipped', { count: report.skipped })}</li>
          <li>{t('csv.report.rejected', { count: report.rejected.length })}</li>
          {report.companies > 0 && <li>{t('csv.report.companies', { count: report.companies })}</li>}
        </ul>
      )}
      {report && report.rejected.length > 0 && (
        <div className="import-table-wrap">
          <table className="import-table" aria-label={t('csv.report.rejectedRows')}>
            <thead>
              <tr>
                <th scope="col">{t('csv.line')}</th>
                <th scope="col">{t('csv.report.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.slice(0, SHOWN_REJECTED).map((r) => (
                <tr key={r.line}>
                  <th scope="row">{r.line}</th>
                  <td>{r.errors.map((e) => problemText(t, props.collection, e)).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.undone && <p role="status">{t('csv.report.undone')}</p>}
    </>
  );
}
