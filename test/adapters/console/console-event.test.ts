import { describe, expect, it } from 'vitest';
import { parseJsonlLine } from '../../../src/adapters/console/console-event.ts';

function refusal(line: string): string {
  const parsed = parseJsonlLine(line);
  if (parsed.ok) throw new Error(`expected ${line} to be refused`);
  return parsed.message;
}

describe('a line of the JSONL interface', () => {
  it('is text or a choice of one user', () => {
    expect(parseJsonlLine('{"user":"ann","text":"Ik wil me inschrijven"}')).toEqual({ ok: true, event: { userId: 'ann', input: { kind: 'text', text: 'Ik wil me inschrijven' } } });
    expect(parseJsonlLine('{"user":"ann","choice":"session:3"}')).toEqual({ ok: true, event: { userId: 'ann', input: { kind: 'choice', id: 'session:3' } } });
  });

  it('is a one-screen form submission: values by field id', () => {
    expect(parseJsonlLine('{"user":"ann","form":{"firstName":"Ann","session:1":"3"}}')).toEqual({ ok: true, event: { userId: 'ann', input: { kind: 'form', values: { firstName: 'Ann', 'session:1': '3' } } } });
  });

  it('takes any well-formed user id, emoji (a surrogate pair) included', () => {
    expect(parseJsonlLine('{"user":"ann\\ud83d\\ude00","text":"hallo"}')).toMatchObject({ ok: true, event: { userId: 'ann😀' } });
  });

  it('passes empty, long, emoji and control-character text on to the dialogs', () => {
    const long = 'x'.repeat(10_000);
    for (const text of ['', long, '🎉 ja', 'Ann\u0007\u001b[31m']) {
      expect(parseJsonlLine(JSON.stringify({ user: 'ann', text }))).toEqual({ ok: true, event: { userId: 'ann', input: { kind: 'text', text } } });
    }
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[1,2]', /not a JSON object/],
    ['"hallo"', /not a JSON object/],
    ['null', /not a JSON object/],
    ['{"user":"ann"}', /none of "text", "choice" and "form"/],
    ['{"user":"ann","text":"a","choice":"b"}', /both "text" and "choice"/],
    ['{"user":"ann","text":"a","form":{}}', /both "text" and "form"/],
    ['{"user":"ann","form":[]}', /expected record/],
    ['{"user":"ann","form":{"firstName":3}}', /"form" values must be strings/],
    ['{"text":"hallo"}', /"user" must be a string/],
    ['{"user":"","text":"hallo"}', /"user" must not be empty/],
    ['{"user":42,"text":"hallo"}', /"user" must be a string/],
    ['{"user":"a\\u0000b","text":"hallo"}', /control characters/],
    ['{"user":"ann\\ud800","text":"hallo"}', /well-formed Unicode/],
    ['{"user":"\\udfff","text":"hallo"}', /well-formed Unicode/],
    ['{"user":"\\ude00\\ud83d","choice":"register"}', /well-formed Unicode/],
    ['{"user":"ann","text":7}', /"text" must be a string/],
    ['{"user":"ann","choice":""}', /"choice" must not be empty/],
    ['{"user":"ann","text":"hallo","locale":"en"}', /unknown field\(s\) "locale"/],
  ])('refuses %s with a reason', (line, reason) => {
    const message = refusal(line);
    expect(message).toMatch(reason);
    expect(message).toContain('expected {"user":"<id>","text":"..."}, {"user":"<id>","choice":"<choice id>"} or {"user":"<id>","form":{"<field id>":"<value>",...}}');
  });

  it('refuses a line longer than a megabyte', () => {
    expect(refusal(JSON.stringify({ user: 'ann', text: 'x'.repeat(1_000_001) }))).toMatch(/line longer than/);
  });
});
