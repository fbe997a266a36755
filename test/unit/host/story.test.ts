import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chaptersIn, chaptersOf, earlierChapters, storiesIn, storyOfTitle, titleOf } from '../../../server/host/story';

describe('chapters of a story folder', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-story-'));
    for (const name of ['ch10.fountain', 'ch2.fountain', 'ch1.fountain', 'notes.txt']) fs.writeFileSync(path.join(dir, name), '');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are the folder’s scripts in natural name order', () => {
    assert.deepStrictEqual(chaptersIn(dir).map((f) => path.basename(f)), ['ch1.fountain', 'ch2.fountain', 'ch10.fountain']);
    assert.deepStrictEqual(earlierChapters(path.join(dir, 'ch10.fountain')).map((f) => path.basename(f)), ['ch1.fountain', 'ch2.fountain']);
  });

  it('follow the order canon-keeper.yaml lists, and never leave the folder', () => {
    fs.writeFileSync(path.join(dir, 'canon-keeper.yaml'), 'chapters:\n  - ch10.fountain\n  - ../../etc/passwd\n  - ch1.fountain\n');
    assert.deepStrictEqual(chaptersIn(dir).map((f) => path.basename(f)), ['ch10.fountain', 'ch1.fountain']);
  });
});

describe('stories side by side in one folder', () => {
  let dir: string;
  const write = (name: string, title?: string): void => fs.writeFileSync(path.join(dir, name), `${title === undefined ? '' : `Title: ${title}\nAuthor: a fan\n\n`}INT. STUDIO - DAY\n\nShe dances.\n`);
  const stories = (): string[][] => storiesIn(dir).map((s) => s.map((f) => path.basename(f)));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-stories-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are told apart by the titles on their title pages', () => {
    write('01.fountain', 'After the Fall');
    write('02.fountain', 'After the Fall, Chapter Two');
    write('03.fountain');
    write('04.fountain', 'Waking');
    write('05.fountain', 'Chapter 2: The Ward');
    write('06.fountain', 'WAKING (part 3 of 3)');
    assert.deepStrictEqual(stories(), [['01.fountain', '02.fountain', '03.fountain'], ['04.fountain', '05.fountain', '06.fountain']]);
    assert.deepStrictEqual(earlierChapters(path.join(dir, '04.fountain')), []);
    assert.deepStrictEqual(earlierChapters(path.join(dir, '06.fountain')).map((f) => path.basename(f)), ['04.fountain', '05.fountain']);
    assert.deepStrictEqual(chaptersOf(path.join(dir, '02.fountain')).map((f) => path.basename(f)), ['01.fountain', '02.fountain', '03.fountain']);
  });

  it('are one story where no script has a title, or where canon-keeper.yaml lists the chapters', () => {
    write('a.fountain');
    write('b.fountain');
    assert.deepStrictEqual(stories(), [['a.fountain', 'b.fountain']]);
    write('c.fountain', 'Something Else');
    fs.writeFileSync(path.join(dir, 'canon-keeper.yaml'), 'chapters: [a.fountain, b.fountain, c.fountain]\n');
    assert.deepStrictEqual(stories(), [['a.fountain', 'b.fountain', 'c.fountain']]);
  });

  it('read the title as the title page has it, indented lines and emphasis too', () => {
    assert.strictEqual(titleOf('Title:\n    _**BRICK & STEEL**_\n    FULL RETIRED\nAuthor: Stu\n\nINT. X - DAY\n'), 'BRICK & STEEL FULL RETIRED');
    assert.strictEqual(titleOf('INT. X - DAY\n\nTitle: not a title page\n'), undefined);
    assert.strictEqual(storyOfTitle('The Ides — Part 2'), 'the ides');
  });
});
