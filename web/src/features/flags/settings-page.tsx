import { useParams } from 'wouter';
import { Page } from '../../components/layout';
import { FlagCrumbs } from './crumbs';
import { SdkKeysSection } from './sdk-keys-section';
import { SegmentsSection } from './segments-section';

/** What the project's flags share: segments for their rules, and the SDK keys that read them. */
export function FlagSettingsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  return (
    <Page crumbs={<FlagCrumbs projectId={projectId} inFlags />}>
      <h1>Segments and SDK keys</h1>
      <SegmentsSection projectId={projectId} />
      <SdkKeysSection projectId={projectId} />
    </Page>
  );
}
