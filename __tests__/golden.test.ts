/**
 * The whole synthesized output of the bundled example. A change to it shows up in the
 * snapshot diff of the pull request, for a reviewer to accept (`npx jest -u`).
 */
import { copyExample, filesUnder, synthesize } from './support/example-config';

it('synthesizes the bundled example as recorded', async () => {
  const files = filesUnder(await synthesize(copyExample()));
  const readable = Object.fromEntries([...files].map(([path, text]) => [path, path.endsWith('.json') ? JSON.parse(text) : text]));
  expect(readable).toMatchSnapshot();
});
