using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes;

/// <summary>
/// Word's own built-in styles (Normal, Title, Heading 1/2, Table Grid, List Bullet) under their built-in names, so
/// the document looks and behaves like one made in Word: the navigation pane, style gallery and table tools work.
/// </summary>
internal static class MinutesStyles
{
    public const string Title = "Title", Heading1 = "Heading1", Heading2 = "Heading2", TableGrid = "TableGrid", ListBullet = "ListBullet";
    public const int BulletNumbering = 1;

    public static void AddTo(MainDocumentPart main, bool chinese)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Microsoft YaHei", ComplexScript = "Calibri" },
                    new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" },
                    new Languages { Val = chinese ? "zh-CN" : "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "80", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            Paragraph("Normal", "Normal", null, isDefault: true),
            Paragraph(Title, "Title", "Normal", size: 48, color: "1F3864", spaceAfter: "200"),
            Paragraph(Heading1, "heading 1", "Normal", size: 32, color: "2F5496", spaceBefore: "240", outline: 0),
            Paragraph(Heading2, "heading 2", "Normal", size: 26, color: "2F5496", spaceBefore: "160", outline: 1),
            ListBulletStyle(),
            new Style(
                new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" }, new UIPriority { Val = 39 },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "A5A5A5" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "A5A5A5" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "A5A5A5" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "A5A5A5" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "A5A5A5" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "A5A5A5" })))
            { Type = StyleValues.Table, StyleId = TableGrid },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
                new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });

        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(new Level(
                new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
            { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumbering });
    }

    private static Style Paragraph(string id, string name, string? basedOn, bool isDefault = false, int? size = null, string? color = null,
        string? spaceBefore = null, string? spaceAfter = null, int? outline = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new NextParagraphStyle { Val = "Normal" });
        style.Append(new PrimaryStyle());
        if (spaceBefore is not null || spaceAfter is not null || outline is not null)
        {
            var pPr = new StyleParagraphProperties();
            if (outline is not null) pPr.Append(new KeepNext());
            var spacing = new SpacingBetweenLines { After = spaceAfter ?? "80" };
            if (spaceBefore is not null) spacing.Before = spaceBefore;
            pPr.Append(spacing);
            if (outline is not null) pPr.Append(new OutlineLevel { Val = outline });
            style.Append(pPr);
        }
        if (size is not null)
            style.Append(new StyleRunProperties(new Bold(), new Color { Val = color }, new FontSize { Val = size?.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = size?.ToString(CultureInfo.InvariantCulture) }));
        return style;
    }

    private static Style ListBulletStyle() => new(
        new StyleName { Val = "List Bullet" }, new BasedOn { Val = "Normal" }, new UIPriority { Val = 9 }, new UnhideWhenUsed(),
        new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = BulletNumbering })))
    { Type = StyleValues.Paragraph, StyleId = ListBullet };
}
