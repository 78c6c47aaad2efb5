/**
 * Activation plots are inline images (base64 `data:` URIs). Only a client that says it renders images
 * (`initializationOptions.hoverImages`, as the VS Code client does) gets them; any other editor gets the
 * same text without the image, instead of a long base64 string in its hover.
 */
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { LspClient } from './client';

const URI = 'file:///ws/plots.nn';
const TEXT = 'model m {\n  input 2\n  dense 4 relu\n  dense 1 sigmoid\n}\n';
const RELU = { line: 2, character: 11 };

async function hoverAndDoc(initializationOptions?: unknown): Promise<{ hover: string; doc: string }> {
  const client = await LspClient.start('/ws', initializationOptions);
  try {
    await client.open(URI, TEXT);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: RELU });
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 2, character: 10 },
    });
    const item = list.items.find((i) => i.label === 'gelu')!;
    const resolved = await client.request<CompletionItem>('completionItem/resolve', item);
    return {
      hover: (hover.contents as { value: string }).value,
      doc: (resolved.documentation as { value: string }).value,
    };
  } finally {
    await client.stop();
  }
}

describe('LSP: images in hovers only for clients that render them', function () {
  this.timeout(20000);

  it('sends the plot to a client that asks for images', async () => {
    const { hover, doc } = await hoverAndDoc({ hoverImages: true });
    assert.match(hover, /!\[Plot of relu[^\]]*\]\(data:image\/svg\+xml;base64,/);
    assert.match(doc, /!\[Plot of gelu[^\]]*\]\(data:image\/svg\+xml;base64,/);
  });

  for (const [name, options] of [
    ['no initialization options', undefined],
    ['other options', { hoverImages: 'yes' }],
  ] as const) {
    it(`sends the same text without the image to a client with ${name}`, async () => {
      const plain = await hoverAndDoc(options);
      const rich = await hoverAndDoc({ hoverImages: true });
      for (const [text, full] of [
        [plain.hover, rich.hover],
        [plain.doc, rich.doc],
      ]) {
        assert.doesNotMatch(text, /data:image|base64|!\[/);
        assert.ok(text.length < 5000, `${text.length} characters`);
        const withoutImage = full
          .split('\n\n')
          .filter((part) => !part.startsWith('!['))
          .join('\n\n');
        assert.equal(text, withoutImage);
      }
    });
  }
});
