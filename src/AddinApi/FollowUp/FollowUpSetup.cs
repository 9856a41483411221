using CollabAddin.Api.Reports;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CollabAddin.Api.FollowUp;

public static class FollowUpSetup
{
    public static void AddFollowUp(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<FollowUpOptions>(builder.Configuration.GetSection("FollowUp"));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<ISaveChangesInterceptor, AlertPlanning>();
        builder.Services.AddScoped<OutboxSender>();
        builder.Services.AddScoped<FollowUpPlanner>();
        builder.Services.AddScoped<ProgressReports>();
        builder.Services.AddSingleton<FollowUpWorker>();
        if (builder.Configuration.GetValue("FollowUp:WorkerEnabled", true))
            builder.Services.AddHostedService(s => s.GetRequiredService<FollowUpWorker>());
    }
}
