import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../../core/languages.js';
import { messagesFor } from '../i18n.js';
import { noteText, type NoteNode } from './ChartFrame.js';

/** Whitespace as a note's text has it: runs of it (no-break spaces too) as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** An element as a note's DOM has it (nodeName in capitals, as HTML gives it). */
function element(name: string, children: readonly (NoteNode | string)[], className = ''): NoteNode {
  const childNodes = children.map((c) =>
    typeof c === 'string' ? { nodeType: 3, nodeName: '#text', textContent: c, childNodes: [] } : c,
  );
  return {
    nodeType: 1,
    nodeName: name,
    textContent: childNodes.map((c) => c.textContent ?? '').join(''),
    childNodes,
    classList: { contains: (token) => className.split(' ').includes(token) },
  };
}

describe('a note drawn into a chart image', () => {
  it('keeps the paragraphs of a group chart’s note and its badge apart, in every language', () => {
    for (const lang of UI_LANGUAGES) {
      const t = messagesFor(lang);
      const method = t.groupMethod(t.groupings.incomeGroup, 'sum', '2023');
      const fiscalYear = t.incomeFiscalYear('FY25');
      const source = 'World Bank, World Bank country and lending groups (CC BY 4.0)';
      // As the explorer renders it: the badge, a space, the method; the fiscal year; the classification.
      const note = element(
        'DIV',
        [
          element('P', [element('SPAN', [t.computedByBridges], 'tag tag--computed'), ' ', method]),
          element('P', [fiscalYear]),
          element('P', [t.classificationSource, t.colon, element('SPAN', [source])]),
        ],
        'chart__note',
      );
      const text = noteText(note);
      expect(text).toBe(
        flat(`[${t.computedByBridges}] ${method} ${fiscalYear} ${t.classificationSource}${t.colon}${source}`),
      );
      // No sentence runs into the next ("members.Income groups").
      expect(text).not.toMatch(/\.\p{L}/u);
    }
  });

  it('keeps list items apart and leaves inline elements and other nodes as they are', () => {
    const note = element('DIV', [
      element('P', ['Editions differ:']),
      element('UL', [element('LI', ['2019']), element('LI', ['2020.'])]),
      element('P', ['The ', element('STRONG', ['2020']), '\n  edition revised it.']),
      { nodeType: 8, nodeName: '#comment', textContent: 'not text', childNodes: [] },
    ]);
    expect(noteText(note)).toBe('Editions differ: 2019 2020. The 2020 edition revised it.');
  });
});
