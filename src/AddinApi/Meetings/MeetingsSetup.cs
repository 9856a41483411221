namespace CollabAddin.Api.Meetings;

public static class MeetingsSetup
{
    /// <summary>The meeting rules, time suggestions, and the invite outbox with its worker.</summary>
    public static void AddMeetings(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PolicyOptions>(builder.Configuration.GetSection("Policy"));
        builder.Services.Configure<InviteOptions>(builder.Configuration.GetSection("Invites"));
        builder.Services.Configure<FindTimesOptions>(builder.Configuration.GetSection("FindTimes"));
        builder.Services.AddScoped<InviteSender>();
        builder.Services.AddScoped<Series.SeriesInviteSender>();
        builder.Services.AddSingleton<InviteDispatch>();
        builder.Services.AddSingleton<InviteWorker>();
        if (builder.Configuration.GetValue("Invites:WorkerEnabled", true))
            builder.Services.AddHostedService(s => s.GetRequiredService<InviteWorker>());
    }
}
