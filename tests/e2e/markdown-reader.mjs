// Reads a downloaded Markdown response with commonmark.js, the CommonMark reference reader, into
// the blocks a person sees: headings, paragraphs and list items with their text.
import { Parser } from 'commonmark';

export function readBlocks(markdown) {
  const blocks = [];
  const walker = new Parser().parse(markdown).walker();
  let current = null;
  let event;
  while ((event = walker.next())) {
    const { node, entering } = event;
    switch (node.type) {
      case 'list':
        // A list reads as one block, one line per item.
        if (entering) current = { type: 'list', text: '' };
        else {
          current.text = current.text.replace(/\n$/, '');
          blocks.push(current);
          current = null;
        }
        break;
      case 'item':
        if (!entering) current.text += '\n';
        break;
      case 'heading':
      case 'paragraph':
        if (current?.type === 'list') break;
        if (entering) current = { type: node.type, level: node.level, text: '' };
        else {
          blocks.push(current);
          current = null;
        }
        break;
      case 'text':
      case 'code':
        if (current) current.text += node.literal;
        break;
      case 'softbreak':
        if (current) current.text += ' ';
        break;
      case 'linebreak':
        if (current) current.text += '\n';
        break;
      case 'html_inline':
      case 'html_block':
        throw new Error(`raw HTML reached the reader: ${node.literal}`);
      default:
    }
  }
  return blocks;
}

/** The answers under each `意见观点：`, as [{ question, answer }] in document order. */
export function answersOf(blocks) {
  const found = [];
  blocks.forEach((block, i) => {
    if (block.type !== 'paragraph' || block.text !== '意见观点：') return;
    const parts = [];
    for (let j = i + 1; j < blocks.length; j++) {
      const b = blocks[j];
      if (b.type !== 'paragraph' || blocks[j + 1]?.text === '意见观点：') break;
      parts.push(b.text);
    }
    found.push({ question: blocks[i - 1].text, answer: parts.join('\n\n') });
  });
  return found;
}
