// axe as every test runs it (./axe.ts, in the page in legacy mode) still finds what it is there to find: a page made
// to break two rules is reported with both, each with its element. Without this, a way of running axe that ran no
// rule at all would pass every page.
import { axeViolations } from './axe';
import { expect, pageReady, test } from './watched-page';

// Only reads (the elements added are the page's, not what is stored): one started profile per worker.
test.use({ profile: 'shared' });

test('axe, as the tests run it, reports an image without alternative text and a button without a name', async ({
  app,
}) => {
  await app.goto('/import');
  await pageReady(app, 'Import');
  await app.evaluate(() => {
    const main = document.querySelector('main')!;
    const image = document.createElement('img');
    image.id = 'axe-finds-image';
    image.src = '/favicon.svg';
    const button = document.createElement('button');
    button.id = 'axe-finds-button';
    main.append(image, button);
  });
  const violations = await axeViolations(app);
  expect(violations).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^image-alt \(critical\): .*#axe-finds-image/),
      expect.stringMatching(/^button-name \(critical\): .*#axe-finds-button/),
    ]),
  );
});
