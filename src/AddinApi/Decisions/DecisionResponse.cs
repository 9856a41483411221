using CollabAddin.Api.ActionItems;

namespace CollabAddin.Api.Decisions;

/// <summary>A decision as the register shows it: what, from which meeting, who carries it out by when, where it stands.</summary>
/// <param name="Items">The action items that carry it out; <see cref="ItemsDone"/> of them are done.</param>
/// <param name="CanChange">Whether the caller may change it (runs the meeting, or owns the decision): the pane offers the controls only then.</param>
public sealed record DecisionResponse(Guid Id, Guid MeetingId, string MeetingSubject, DateTime MeetingStart, Guid? AgendaItemId, string Text, PersonRef? Owner,
    DateOnly? DueDate, DecisionStatus Status, Guid? SupersededById, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<LinkedItem> Items, bool CanChange, int Version)
{
    public int ItemsDone => Items.Count(i => i.Status == ActionItemStatus.Done);
}

/// <summary>An action item linked to a decision, in brief.</summary>
public sealed record LinkedItem(Guid Id, string Title, PersonRef Owner, DateOnly? DueDate, ActionItemStatus Status);

/// <summary>A page of the register's search.</summary>
public sealed record DecisionPage(IReadOnlyList<DecisionResponse> Decisions, int Page, int PageSize, int Total);

/// <summary>The decision's own columns and its meeting's, read in one query; the linked items come in a second one.</summary>
/// <param name="Runs">The caller runs the decision's meeting (organizer or note-taker).</param>
internal sealed record DecisionRowData(Decision Decision, string MeetingSubject, DateTime MeetingStart, bool Runs)
{
    public DecisionResponse With(IReadOnlyList<LinkedItem> items, Auth.Caller caller)
    {
        var d = Decision;
        var canChange = Runs || d.OwnerEmail is not null && Auth.PersonMatch.Is(d.OwnerObjectId, d.OwnerEmail, caller);
        return new DecisionResponse(d.Id, d.MeetingId, MeetingSubject, MeetingStart, d.AgendaItemId, d.Text,
            d.OwnerEmail == null ? null : new PersonRef(d.OwnerEmail, d.OwnerName ?? d.OwnerEmail), d.DueDate, d.Status, d.SupersededById,
            d.CreatedAt, d.UpdatedAt, items, canChange, d.Version);
    }

    public static LinkedItem Linked(LinkedItemRow i) => new(i.Id, i.Title, new PersonRef(i.OwnerEmail, i.OwnerName), i.DueDate, i.Status);
}

/// <summary>What the register reads of a linked item.</summary>
internal sealed record LinkedItemRow(Guid Id, Guid DecisionId, string Title, string OwnerEmail, string OwnerName, DateOnly? DueDate, ActionItemStatus Status);
