using System.Linq.Expressions;
using CollabAddin.Api.ActionItems;

namespace CollabAddin.Api.Decisions;

public sealed record DecisionResponse(Guid Id, Guid MeetingId, Guid? AgendaItemId, string Text, PersonRef? Owner, DecisionStatus Status, DateTime CreatedAt)
{
    public static readonly Expression<Func<Decision, DecisionResponse>> Projection = d => new DecisionResponse(
        d.Id, d.MeetingId, d.AgendaItemId, d.Text,
        d.OwnerEmail == null ? null : new PersonRef(d.OwnerEmail, d.OwnerName ?? d.OwnerEmail),
        d.Status, d.CreatedAt);
}
