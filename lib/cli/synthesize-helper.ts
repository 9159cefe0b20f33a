/**
 * The helper process of a large synth (see `lib/app/synthesize-landing-zone.ts`):
 * `synthesize-helper.ts <config dir> <outdir>`, started with an IPC channel, to which it
 * sends the manifest entries of the stacks it wrote.
 */
import { synthesizeHelpersShare } from '../app/synthesize-landing-zone';

const [configDirectory, outdir] = process.argv.slice(2);
if (!configDirectory || !outdir || !process.send) throw new Error('usage: synthesize-helper.ts <config dir> <outdir>, forked with an IPC channel');
const send = process.send.bind(process);

void synthesizeHelpersShare(configDirectory, outdir).then((report) => send(report));
