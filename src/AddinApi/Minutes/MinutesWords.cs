using System.Globalization;
using CollabAddin.Api.Http;
using CollabAddin.Minutes;

namespace CollabAddin.Api.Minutes;

/// <summary>What the minutes reader and the publish report say, in the caller's language (the catalog is Http/Messages).</summary>
public static class MinutesWords
{
    /// <summary>"Action items, row 3" / "行动项表第 3 行"; with a column, "…, due date" / "…的截止日期".</summary>
    public static string Where(RowLocation at, string? column, CultureInfo culture)
    {
        var numbered = at.Part is MinutesPart.ActionItems or MinutesPart.Decisions or MinutesPart.DecisionList;
        var part = Messages.Format($"minutes.part.{at.Part}{(numbered && at.Number > 1 ? ".n" : "")}", culture, at.Number);
        var place = at.Row == 0 ? part : Messages.Format(at.Part == MinutesPart.DecisionList ? "minutes.item" : "minutes.row", culture, part, at.Row);
        return column is null ? place : Messages.Format("minutes.cell", culture, place, Messages.Format($"minutes.column.{column}", culture));
    }

    public static PublishWarning Warning(MinutesWarning warning, CultureInfo culture) =>
        new(Where(warning.At, warning.Column, culture), Messages.Format($"minutes.warn.{warning.Code}", culture, [.. warning.Args]), warning.Code);

    /// <summary>A status by its name in the caller's language ("in progress", "进行中"), not its wire code.</summary>
    public static string Status(string? wire, CultureInfo culture) =>
        wire is null ? "—" : Messages.Texts.ContainsKey($"minutes.status.{wire}") ? Messages.Format($"minutes.status.{wire}", culture) : wire;
}
