import type { ApiError } from '../api.js';
import { useT } from '../i18n.js';

/** Shows an API error with the server's own message and the parameters it blames. */
export function ErrorAlert({ error }: { error: ApiError }) {
  const t = useT();
  if (error.code === 'network_error') {
    return (
      <div className="alert" role="alert">
        <p className="alert__title">{t.errorTitle}</p>
        <p>{t.networkError}</p>
      </div>
    );
  }
  // The message often repeats the details ("to: no country…"); they say more (which parameter), so they win.
  const detailLines = error.details.map((detail) => ({ key: `${detail.field}:${detail.message}`, ...detail }));
  const showMessage = !error.details.some((detail) => error.message.includes(detail.message));
  return (
    <div className="alert" role="alert">
      <p className="alert__title">{t.errorTitle}</p>
      {/* The API words its errors in English. */}
      <div lang="en">
        {showMessage && <p>{error.message}</p>}
        {detailLines.length > 0 && (
          <ul>
            {detailLines.map((detail) => (
              <li key={detail.key}>
                <code>{detail.field}</code>
                {t.colon}
                {detail.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
