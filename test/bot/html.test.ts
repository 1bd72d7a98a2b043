import { describe, expect, it } from 'vitest';
import { escapeHtml, html, SafeHtml, splitHtml, truncateHtml } from '../../src/bot/html.ts';

describe('escapeHtml', () => {
  it.each([
    ['<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
    ['A & B', 'A &amp; B'],
    ['"q"', '&quot;q&quot;'],
    ['化隆县 114 件', '化隆县 114 件'],
    [114, '114'],
  ])('escapes %s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('escapes interpolated values but keeps literal markup', () => {
    expect(html`<b>${'<i>'}</b> ${3}`.value).toBe('<b>&lt;i&gt;</b> 3');
    expect(html`${new SafeHtml('<i>ok</i>')}`.value).toBe('<i>ok</i>');
  });
});

describe('splitHtml', () => {
  it('keeps short text whole', () => {
    expect(splitHtml(new SafeHtml('a\nb')).map(String)).toEqual(['a\nb']);
  });

  it('splits at line breaks, every chunk within the limit, nothing lost', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `第${i}行 &amp; 数据 ${'甲'.repeat(i % 17)}`);
    const chunks = splitHtml(new SafeHtml(lines.join('\n')), 4096);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.value.length).toBeLessThanOrEqual(4096);
    expect(chunks.map(String).join('\n')).toBe(lines.join('\n'));
  });

  it('hard-splits one long line without cutting an entity', () => {
    const line = `${'x'.repeat(4094)}&amp;${'y'.repeat(10)}`;
    const chunks = splitHtml(new SafeHtml(line), 4096);
    expect(chunks.map((c) => c.value.length)).toEqual([4094, 15]);
    expect(chunks[1]!.value.startsWith('&amp;')).toBe(true);
  });

  it('does not cut a surrogate pair', () => {
    const line = `${'x'.repeat(9)}😀abc`;
    const chunks = splitHtml(new SafeHtml(line), 10);
    expect(chunks.map(String)).toEqual(['x'.repeat(9), '😀abc']);
  });
});

describe('truncateHtml', () => {
  it('leaves short captions alone and cuts long ones with an ellipsis', () => {
    expect(truncateHtml(new SafeHtml('short'), 10).value).toBe('short');
    const cut = truncateHtml(new SafeHtml(`${'a'.repeat(20)}&lt;`), 22).value;
    expect(cut).toBe(`${'a'.repeat(20)}…`);
  });
});
