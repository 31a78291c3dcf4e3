import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignRoles, type VersionInfo } from '../../../server/pipeline/group/roles.js';
import { mutualBestLinks } from '../../../server/pipeline/group/crosslang.js';

const version = (text: string, density = 0, spun = false): VersionInfo => ({
  lang: 'en',
  sentences: 1,
  words: new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []),
  spin: () => ({ density, spun }),
});
/** The same version, with a reading that says so when it is asked for. */
const counted = (v: VersionInfo, asked: number[], i: number): VersionInfo => ({
  ...v,
  spin: () => {
    asked.push(i);
    return v.spin();
  },
});

test('of two near-duplicates the spun one is the side whose own words are rarer, even when they are shorter', () => {
  const original = version('The police said the children were safe at home after the storm passed.');
  const spun = version('The cops said the kids were safe at home after the storm passed.');
  assert.deepEqual(assignRoles([original, spun]).roles, ['source', 'spin']);
  assert.deepEqual(assignRoles([spun, original]).roles, ['spin', 'source']);
  assert.equal(assignRoles([spun, original]).pivot, 1);
  // the words settle it: neither side needs a spin pass (the costliest part of a story)
  const asked: number[] = [];
  assignRoles([counted(original, asked, 0), counted(spun, asked, 1)]);
  assert.deepEqual(asked, []);
});

test('when the words that differ are equally common, the spin detectors decide', () => {
  const [a, b] = [
    'You can see the river from the bridge in the morning.',
    'You may see the river from the bridge in the morning.',
  ];
  assert.deepEqual(assignRoles([version(a, 12), version(b)]).roles, ['spin', 'source']);
  assert.deepEqual(assignRoles([version(a), version(b, 12)]).roles, ['source', 'spin']);
  // each reading is asked once
  const asked: number[] = [];
  assignRoles([counted(version(a, 12), asked, 0), counted(version(b), asked, 1)]);
  assert.deepEqual(asked.sort(), [0, 1]);
});

test('a clearly plainer near-duplicate is the original even when it reads as spun on its own; otherwise both stay spun', () => {
  const original = version('The city is one of the most visited places in the world.', 70, true);
  const spun = version('The metropolis is one of the most visited places in the globe.', 90, true);
  assert.deepEqual(assignRoles([original, spun]).roles, ['source', 'spin']);
  // can/may: no clear side, and both read as spun: two copies of a lost original
  const a = version('You can see the river from the bridge in the morning.', 20, true);
  const b = version('You may see the river from the bridge in the morning.', 25, true);
  assert.deepEqual(assignRoles([a, b]).roles, ['spin', 'spin']);
});

test('a language group is linked to its mutual best match in another language, when that match is clear or sure', () => {
  // groups 0, 1: Tagalog; 2, 3: English
  const lang = ['tl', 'tl', 'en', 'en'];
  const groupOf = Int32Array.from([0, 1, 2, 3]);
  const rule = { threshold: 0.2, margin: 2, sure: 0.4 };
  const pair = (a: number, b: number, score: number) => ({ a, b, score });
  // 0 ↔ 2 clearly; 1 prefers 2 too, but 2 prefers 0: one counterpart per language, so 1 stays alone
  assert.deepEqual(mutualBestLinks(lang, groupOf, [pair(0, 2, 0.3), pair(1, 2, 0.12), pair(0, 3, 0.1)], rule), [
    [0, 2],
  ]);
  // mutual but not clear (0.3 against a runner-up of 0.25) and not sure: no link
  assert.deepEqual(mutualBestLinks(lang, groupOf, [pair(0, 2, 0.3), pair(0, 3, 0.25)], rule), []);
  // the same with a sure match
  assert.deepEqual(mutualBestLinks(lang, groupOf, [pair(0, 2, 0.5), pair(0, 3, 0.45)], rule), [[0, 2]]);
  // clear but too weak
  assert.deepEqual(mutualBestLinks(lang, groupOf, [pair(0, 2, 0.15)], rule), []);
});

test('function words a spinner brings in do not make its copy look plainer than the original (seed 003, first paragraph)', () => {
  // "this is" → "this can be", "another" → "one other", "since" → "for the reason that": the commonest
  // words there are, on the spun side only; counted, the original's own words look the rarer
  const original = version(
    'This is a rare overseas trip for Putin since he launched the invasion, and a key moment for Kim, who has not hosted another world leader in his politically isolated country since the pandemic.',
    0,
    false,
  );
  const spun = version(
    'This can be a uncommon abroad journey for Putin for the reason that he launched the invasion, and a key second for Kim, who has not hosted one other world chief in his politically isolated nation for the reason that the pandemic.',
    150,
    true,
  );
  assert.deepEqual(assignRoles([original, spun]).roles, ['source', 'spin']);
  assert.deepEqual(assignRoles([spun, original]).roles, ['spin', 'source']);
});
