/**
 * Every custom conformance pack fits what AWS Config takes as a template body, measured on
 * the exact text that is synthesized; one that is deployed nowhere is named in a warning.
 */
import type { Issue } from '../../diagnostics';
import type { ConfigurationFiles } from '../configuration-files';
import { detectiveControlTargets } from '../policy-targets';
import { CONFORMANCE_PACK_TEMPLATE_MAX_LENGTH, conformancePackTemplateText } from '../schemas/conformance-pack';

export function conformancePacks({
  landingZone,
  conformancePacks: packs,
}: Pick<ConfigurationFiles<'detectiveControls'>, 'landingZone' | 'conformancePacks'>): Issue[] {
  const deployed = new Set(detectiveControlTargets({ landingZone }).flatMap(({ value }) => value.conformancePacks));
  return packs.flatMap((pack): Issue[] => {
    const size = conformancePackTemplateText(pack.config).length;
    const tooLarge: Issue[] =
      size > CONFORMANCE_PACK_TEMPLATE_MAX_LENGTH
        ? [
            {
              file: pack.file,
              path: [],
              message: `is ${size} characters as synthesized, over the ${CONFORMANCE_PACK_TEMPLATE_MAX_LENGTH} AWS Config takes as a template body`,
            },
          ]
        : [];
    const unused: Issue[] = deployed.has(pack.name)
      ? []
      : [
          {
            file: pack.file,
            path: [],
            severity: 'warning',
            message: `is deployed nowhere; add ${pack.name} to detectiveControls.attachments of ${landingZone.file}, or remove the file`,
          },
        ];
    return [...tooLarge, ...unused];
  });
}
