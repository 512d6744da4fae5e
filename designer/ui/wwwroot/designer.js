// The designer's code editor beyond what BlazorMonaco wraps: lint markers, moving the cursor, completion of
// the definition language's keys, and a small hook the browser tests use to type through the editor's model.
function editorOf(id) {
  const entry = window.blazorMonaco && window.blazorMonaco.editors.find(e => e.id === id);
  return entry ? entry.editor : null;
}

export function ready() {
  return typeof window.monaco !== 'undefined' && typeof window.blazorMonaco !== 'undefined';
}

export function setMarkers(id, markers) {
  const editor = editorOf(id);
  if (!editor) return;
  monaco.editor.setModelMarkers(editor.getModel(), 'lint', markers.map(m => ({
    startLineNumber: m.line, startColumn: m.column, endLineNumber: m.line, endColumn: m.column + Math.max(1, m.length),
    message: m.code + ': ' + m.message,
    severity: m.error ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
  })));
}

export function moveTo(id, line, column) {
  const editor = editorOf(id);
  if (!editor) return;
  editor.setPosition({ lineNumber: line, column: column });
  editor.revealLineInCenter(line);
  editor.focus();
}

let completion = null;
export function completeKeys(keys) {
  if (completion) return;
  completion = monaco.languages.registerCompletionItemProvider('yaml', {
    provideCompletionItems: (model, position) => {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      return { suggestions: keys.map(k => ({ label: k, kind: monaco.languages.CompletionItemKind.Property, insertText: k + ': ', range: range })) };
    },
  });
}

// Browser tests: read and replace the text of the (only) designer editor, as typing would.
window.designerEditor = {
  text: () => editorOf('yaml-editor').getValue(),
  replace: (text) => { const e = editorOf('yaml-editor'); e.executeEdits('test', [{ range: e.getModel().getFullModelRange(), text: text }]); },
  position: () => editorOf('yaml-editor').getPosition(),
};

// The preview's prefilled link: its text selected first, so that Ctrl+C copies it where the browser grants no clipboard
// permission, then copied when it does. Says whether it was copied.
export async function copyText(element) {
  element.focus();
  element.select();
  try {
    await navigator.clipboard.writeText(element.value);
    return true;
  } catch {
    return false;
  }
}
