import { formatBytes } from './format';
import type { Attachment } from './types';

/** Raster images the browser shows inline; SVG is served as text by the API, so it is a download like the rest. */
function isInlineImage(mediaType: string): boolean {
  return /^image\/(png|jpe?g|gif|webp|avif|bmp)$/i.test(mediaType);
}

/** Where an attachment's bytes are served, as the API names it, or built from the run and the hash. */
export function attachmentHref(attachment: Attachment, projectId: string, runId: string): string {
  if (attachment.url) return attachment.url;
  return `/api/v1/projects/${projectId}/test-runs/${runId}/attachments/${attachment.sha256}`;
}

/**
 * A step's or scenario's attachments: screenshots inline, every other file as a link to the API,
 * which serves it as a download (never as a page of this origin); its content is never put in the page.
 */
export function Attachments(props: { attachments: Attachment[]; projectId: string; runId: string }) {
  if (props.attachments.length === 0) return null;
  return (
    <ul className="test-attachments">
      {props.attachments.map((attachment, index) => {
        const href = attachmentHref(attachment, props.projectId, props.runId);
        const key = `${attachment.sha256}-${index}`;
        return (
          <li key={key}>
            {isInlineImage(attachment.mediaType) ? (
              <figure>
                <a href={href} target="_blank" rel="noopener noreferrer">
                  <img src={href} alt={attachment.name} loading="lazy" />
                </a>
                <figcaption>
                  {attachment.name} <span className="muted">({formatBytes(attachment.size)})</span>
                </figcaption>
              </figure>
            ) : (
              <>
                <a href={href} download={attachment.name}>
                  {attachment.name}
                </a>{' '}
                <span className="muted">
                  {attachment.mediaType}, {formatBytes(attachment.size)}
                </span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
