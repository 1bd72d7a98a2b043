import * as OpenCC from 'opencc-js/t2cn';

let toSimplified: ((s: string) => string) | undefined;

/** NFKC, traditional → simplified, lower case, no @mentions or links, and no spaces next to Chinese characters. */
export function normaliseQuestion(question: string): string {
  const convert = toSimplified ?? OpenCC.Converter({ from: 'hk', to: 'cn' });
  toSimplified = convert;
  return (
    convert(question.normalize('NFKC'))
      .toLowerCase()
      .replace(/(?:^|\s)@\w+|https?:\/\/\S+/g, ' ')
      // Xi'an, Huai'an: the apostrophe only splits pinyin syllables.
      .replace(/([a-z])['’]([aeo])/g, '$1$2')
      .replace(/\s+/g, ' ')
      .replace(/ ?([\u3000-\u9fff\uff00-\uffef]) ?/g, '$1')
      .trim()
  );
}

/** Replaces `len` characters at `at` with spaces, so later passes skip them. */
export function blankOut(text: string, at: number, len: number): string {
  return text.slice(0, at) + ' '.repeat(len) + text.slice(at + len);
}
