/** The README's table of the detective control catalogue, made from each control's own entry. */
import { DETECTIVE_CONTROLS } from '../guardrails/detective-control-catalogue';
import type { GeneratedBlock } from './generated-block';

const GUIDANCE = { mandatory: 'mandatory', 'strongly-recommended': 'strongly recommended', elective: 'elective' } as const;

export const DETECTIVE_CONTROL_TABLE: GeneratedBlock = {
  name: 'detective control table',
  render: () => {
    const rows = DETECTIVE_CONTROLS.map((control) => {
      const where = control.global ? 'home region' : 'every governed region';
      const parameters = Object.keys(control.parameters ?? {});
      const remediation = control.remediation ? `\`${control.remediation.documentName}\`` : '';
      return (
        `| \`${control.id}\` | ${GUIDANCE[control.guidance]} | ${control.title} | \`${control.sourceIdentifier}\` (${control.trigger}, ${where}) | ` +
        `${parameters.map((name) => `\`${name}\``).join(', ')} | ${remediation} | ${control.why} |`
      );
    });
    return ['| id | guidance | checks that | AWS Config rule | parameters | remediation | why |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join(
      '\n',
    );
  },
};
