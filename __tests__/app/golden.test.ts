/**
 * The whole synthesized output of the bundled example. A change to it shows up in the
 * snapshot diff of the pull request, for a reviewer to accept (`npx jest -u`).
 */
import { filesUnder } from '../support/example-config';
import { exampleOutput } from '../support/example-output';

it('synthesizes the bundled example as recorded', () => {
  const files = filesUnder(exampleOutput());
  const readable = Object.fromEntries([...files].map(([path, text]) => [path, path.endsWith('.json') ? JSON.parse(text) : text]));
  expect(readable).toMatchSnapshot();
});
