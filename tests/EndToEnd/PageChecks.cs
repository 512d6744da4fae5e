using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>One thing wrong on a page, for a person using it: the rule it breaks and the element where it is.</summary>
internal sealed record PageProblem
{
    public string Rule { get; init; } = "";

    public string Element { get; init; } = "";
}

/// <summary>
/// The checks run on every page of every form (<see cref="EveryFormTests"/>). <see cref="WordingAsync"/>: what a page
/// says, read in the browser: no resource key or <c>{0}</c> left in its text, no empty label, legend, option or button, no sentence's full stop before a colon, no bracket glued to the word before it in a label, no file said to weigh 0 MB, no id given twice, every radio button inside a fieldset with a legend, the page and the form in the walk's language; in Arabic the page
/// and the form laid out right to left and every label, legend, heading and option in Arabic script (the French text
/// shown in its place is what a missing translation looks like), and no Latin word outside identifiers, formats, examples
/// and what the person typed or named (a unit left in French); in English no French text outside names. <see cref="AxeAsync"/>: axe-core's serious and critical
/// violations.
/// </summary>
internal static class PageChecks
{
    /// <summary>axe-core's script, as the package ships it; put into each document once (the walk moves between a form's pages without reloading).</summary>
    private static readonly string AxeScript = new BundledAxeScriptProvider().GetScript();

    /// <summary>
    /// axe-core on the page's content (the header and footer are checked by <c>AccessibilityTests</c>) with the WCAG 2.2 A
    /// and AA rules, answering the serious and critical violations only: the passing nodes, which
    /// <see cref="Pages.AssertNoSeriousAxeViolationAsync"/> gets back too, are not sent over some 350 pages.
    /// </summary>
    private const string RunAxe = """
        async () => {
          const results = await axe.run(document.querySelector('main'), {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations'],
          });
          return results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .flatMap(v => v.nodes.slice(0, 5).map(n => ({ rule: `axe ${v.id} (${v.impact}): ${v.help}`, element: `${n.target.join(' ')} ${n.html}` })));
        }
        """;

    private const string Script = """
        language => {
          const rightToLeft = language === 'ar';
          const problems = [];
          const main = document.querySelector('main');
          const where = el => {
            const owner = el.id ? el : el.closest('[id]');
            const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 80);
            if (el === document.documentElement) return `<html lang="${el.lang}" dir="${el.dir}">`;
            return `<${el.tagName.toLowerCase()}${owner ? ' in #' + owner.id : ''}> "${text}"`;
          };
          const say = (rule, el) => problems.push({ rule, element: typeof el === 'string' ? el : where(el) });
          const shown = el => el.getClientRects().length > 0 || el.tagName === 'OPTION';
          const texts = [...main.querySelectorAll('*')].filter(el => shown(el))
            .flatMap(el => [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()).map(n => [el, n.textContent]));
          for (const [el, text] of texts) {
            if (/\{\d*\}/.test(text))
              say('placeholder-left', el);
            if (/(^|[^\w@.\/-])([A-Z][A-Za-z]+\.[A-Z][A-Za-z.]+|[a-z]+(?:\.[a-z]+)*\.[a-z]+_[a-z_]+|(form|field|group|address|rc|hint|documents|upload|validation|document)\.[a-z_.]+)(?![\w@])/.test(text))
              say('resource-key', el);
          }
          for (const [el, text] of texts) {
            // A sentence's full stop followed by the colon that joins it to what comes next ("… exactes. : Vous devez …").
            if (/\.\s?:(\s|$)/.test(text))
              say('stop-then-colon', el);
            // A file of a few bytes shown as weighing nothing.
            if (/(^|[\s(])0 ?(Mo|MB|ميغابايت)(?![\w\u0600-\u06FF])/.test(text))
              say('zero-size', el);
          }
          // A bracket glued to the word before it, as when a label and its "(optional)" are put together without a space;
          // read across the elements a label is made of. A plural mark ("fichier(s)") is written that way.
          for (const el of main.querySelectorAll('label, legend'))
            if (shown(el) && /[\p{L}\p{N})]\((?!e?s\)|x\)|e\))/u.test(el.textContent))
              say('glued-bracket', el);
          for (const el of main.querySelectorAll('label, legend, option, button, h1, h2, h3, th'))
            if (!el.textContent.trim() && !el.getAttribute('aria-label'))
              say('empty-' + el.tagName.toLowerCase(), el);
          const ids = new Map();
          for (const el of document.querySelectorAll('[id]'))
            ids.set(el.id, (ids.get(el.id) || 0) + 1);
          for (const [id, count] of ids)
            if (count > 1)
              say('duplicate-id', `#${id} (${count} times)`);
          for (const radio of main.querySelectorAll('input[type=radio]')) {
            const legend = radio.closest('fieldset')?.querySelector(':scope > legend');
            if (!legend || !legend.textContent.trim())
              say('radio-without-legend', radio);
          }
          // The walk in a language is worth something only if the page and the form are in it.
          if (!document.documentElement.lang.startsWith(language))
            say('page-not-in-language', document.documentElement);
          for (const form of main.querySelectorAll('.procedure-form'))
            if (form.lang !== language)
              say('form-not-in-language', form);
          if (rightToLeft) {
            // What the person typed or named (dir=ltr identifiers, dir=auto file names) may be in any script.
            for (const [el, text] of texts)
              if (!el.closest('main [dir=ltr], main [dir=auto]') && text.split(/\s+/).some(w => !/[@.\/]/.test(w) && /[A-Za-z\u00C0-\u00FF]*[a-z\u00E0-\u00FF][A-Za-z\u00C0-\u00FF]*/.test(w) && /^[^\u0600-\u06FF]*$/.test(w) && /[A-Za-z]{2}/.test(w)))
                say('latin-text', el);
            if (document.documentElement.dir !== 'rtl')
              say('page-not-rtl', document.documentElement);
            for (const form of main.querySelectorAll('.procedure-form'))
              if (form.dir !== 'rtl')
                say('form-not-rtl', form);
            for (const el of main.querySelectorAll('label, legend, h1, h2, option, .error-summary a, .field__error span'))
              if (shown(el) && el.textContent.trim() && !/[\u0600-\u06FF]/.test(el.textContent))
                say('not-arabic', el);
          }
          if (language === 'en') {
            // French shown in its place is what a missing English text looks like: its accents, its small words, its
            // guillemets. Options are names (countries, provinces) that keep their own spelling.
            const french = /[éèêëàâçùûôîïœ«»]|(^|[\s(])(le|la|les|des|du|de|et|au|aux|une|pour|avec|dans|sur|est|vous|votre|vos|ou|à)(?=[\s,.:;)]|$)|(^|[\s(])[dlDL]['’][a-zé]/i;
            for (const [el, text] of texts)
              if (el.tagName !== 'OPTION' && !el.closest('main [dir=ltr], main [dir=auto]') && french.test(text))
                say('not-english', el);
          }
          return problems;
        }
        """;

    /// <summary>The wording problems of the page shown in <paramref name="language"/> (<c>fr</c>, <c>ar</c> or <c>en</c>).</summary>
    public static async Task<IReadOnlyList<PageProblem>> WordingAsync(IPage page, string language) =>
        await page.EvaluateAsync<PageProblem[]>(Script, language);

    public static async Task<IReadOnlyList<PageProblem>> AxeAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe === 'object'"))
            await page.EvaluateAsync(AxeScript);
        return await page.EvaluateAsync<PageProblem[]>(RunAxe);
    }
}
