using EmploymentProcedures.Engine.Pdf;

namespace EmploymentProcedures.Engine.Tests.Pdf;

/// <summary>The part of the Unicode bidirectional algorithm the letters need: levels from the paragraph's direction, numbers, neutrals, isolates, and a line's order.</summary>
public sealed class BidiTests
{
    private static string Levels(string text, int paragraph) => string.Concat(Bidi.Levels(text, paragraph).Select(l => (char)('0' + l)));

    [Fact]
    public void Levels_ArabicParagraphWithALatinReference_ReferenceWithItsDashesIsOneLeftToRightRun()
    {
        // "رقم TAE-2026-000042 المودع"
        Assert.Equal("111" + "1" + new string('2', 15) + "1" + "111111", Levels("رقم TAE-2026-000042 المودع", 1));
    }

    [Fact]
    public void Levels_DateInArabicParagraph_DigitsAreLeftToRightAndTheSpacesBetweenArabicWordsStayRightToLeft()
    {
        // "بتاريخ 2 مارس 2026": digits at level 2, everything else at the paragraph's level.
        Assert.Equal("1111111" + "2" + "111111" + "2222", Levels("بتاريخ 2 مارس 2026", 1));
    }

    [Fact]
    public void Levels_AmountWithSeparatorsInArabic_IsOneNumber()
    {
        // "32.000,00 درهم": the separators between digits join them (W4).
        Assert.Equal(new string('2', 9) + "11111", Levels("32.000,00 درهم", 1));
    }

    [Fact]
    public void Levels_FrenchParagraphWithAnArabicName_TheNameIsRightToLeftAndTheSpaceBetweenItsWordsToo()
    {
        Assert.Equal("0000000011111100000", Levels("Société محمد ع SARL", 0));
    }

    [Fact]
    public void Levels_Isolate_KeepsItsContentApartFromTheTextAround()
    {
        // An isolate of Latin text (FSI ... PDI) in Arabic: its level is the next even one, and the Arabic after it is not
        // pulled into it.
        var text = "إلى " + Bidi.Fsi + "Atlas 2" + Bidi.Pdi + " ٣";
        var levels = Levels(text, 1);
        Assert.Equal("2222222", levels.Substring(5, 7));
        Assert.Equal('1', levels[3]);
    }

    [Fact]
    public void VisualOrder_MixedLevels_ReversesRightToLeftRunsAndKeepsNumbersInside()
    {
        // Runs: Arabic (1), number (2), Arabic (1), in a right-to-left paragraph: drawn left to right as 2... reversed.
        Assert.Equal([2, 1, 0], Bidi.VisualOrder([1, 2, 1]));
        Assert.Equal([0, 3, 2, 1, 4], Bidi.VisualOrder([0, 1, 2, 1, 0]));
        Assert.Equal([0, 1, 2], Bidi.VisualOrder([0, 0, 0]));
    }

    [Fact]
    public void FirstStrongLevel_OfLatinOrArabicText_IsItsDirection()
    {
        Assert.Equal(0, Bidi.FirstStrongLevel("2026 TAE"));
        Assert.Equal(1, Bidi.FirstStrongLevel("2026 المودع"));
        Assert.Equal(0, Bidi.FirstStrongLevel("123"));
    }
}
