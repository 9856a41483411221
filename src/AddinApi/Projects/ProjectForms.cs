using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Minutes;

namespace CollabAddin.Api.Projects;

/// <summary>The guides' forms, each built from the project's record in one language (the words are here, the layout in FormWriter).</summary>
internal sealed class ProjectForms(ProjectRecord record, bool zh)
{
    private Project P => record.Project;
    private string L(string en, string chinese) => zh ? chinese : en;
    private static string D(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
    private static string T(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";
    private string Response(DepartmentResponse r) => r switch
    {
        DepartmentResponse.Agree => L("Agree", "同意"),
        DepartmentResponse.NeedsChanges => L("Needs changes", "需调整"),
        DepartmentResponse.Conflict => L("Conflict", "有冲突"),
        _ => L("Not yet", "未回复"),
    };
    private string State(ProjectState s) => s switch
    {
        ProjectState.Draft => L("Draft", "草稿"),
        ProjectState.Submitted => L("Waiting for review", "待审核"),
        ProjectState.Returned => L("Returned", "已退回"),
        ProjectState.Active => L("Approved, running", "已批准，进行中"),
        _ => L("Closed", "已结项"),
    };

    public FormDocument Build(string form) => form switch
    {
        "request" => Doc(L("Collaboration request", "部门协作需求申请表"), Request()),
        "responsibilities" => Doc(L("Responsibilities", "部门协作职责分工表"), Responsibilities()),
        "communication" => Doc(L("Communication mechanism", "沟通机制确认表"), Communication()),
        "milestones" => Doc(L("Milestones", "关键节点确认表"), Milestones()),
        "tracking" => Doc(L("Progress tracking table", "任务进度跟踪表"), Tracking()),
        "issues" => Doc(L("Issue log", "问题处理记录表"), Issues()),
        "risks" => Doc(L("Risk register", "风险登记表"), Risks()),
        "acceptance" => Doc(L("Acceptance records", "成果验收确认表"), Acceptance()),
        "retrospective" => Doc(L("Retrospective", "协作复盘表"), Retrospective()),
        _ => Archive(),
    };

    private FormDocument Doc(string title, FormSection section) => new(title, $"{P.Number} · {P.Title}", [section]);

    /// <summary>The archive list first (what the archive holds), then every form as a section of its own.</summary>
    private FormDocument Archive()
    {
        var parts = ProjectDocuments.Forms.Select(Build).ToList();
        var meetings = new FormSection(L("Minutes of the project's meetings", "项目会议纪要"), record.Meetings.Count == 0 ? [new FormText(L("No meetings yet.", "暂无会议。"), true)] :
        [
            new FormTable(null, [L("Meeting", "会议"), L("Date (UTC)", "日期（UTC）"), L("Decisions", "决议")],
                record.Meetings.Select(m => (IReadOnlyList<string>)[m.Subject, T(m.Start), string.Join("\n", m.Decisions)]).ToList(), [3000, 1800, 4200]),
        ]);
        var index = new FormSection(L("Archive list", "归档清单"),
        [
            new FormTable(null, [L("No.", "序号"), L("Document", "资料名称"), L("Contents", "内容")],
                parts.Select((p, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), p.Title, Summary(ProjectDocuments.Forms[i])])
                    .Append([(parts.Count + 1).ToString(CultureInfo.InvariantCulture), meetings.Heading, Count(record.Meetings.Count, "meeting", "次会议")]).ToList(),
                [900, 3600, 4500]),
            new FormFields([new(L("Project state", "项目状态"), State(P.State)), new(L("Closed", "结项时间"), T(P.ClosedAt)),
                new(L("Satisfaction", "满意度"), record.Satisfaction.Average is { } avg ? $"{avg:0.0} / 5 ({record.Satisfaction.Answers})"
                    : L($"shown from {ProjectRatings.MinimumAnswers} answers ({record.Satisfaction.Answers} so far)", $"满 {ProjectRatings.MinimumAnswers} 份后显示（目前 {record.Satisfaction.Answers} 份）"))]),
        ]);
        return new(L("Collaboration archive list", "协作资料归档清单"), $"{P.Number} · {P.Title}",
            [index, .. parts.Select(p => p.Sections[0] with { Heading = p.Title }), meetings]);
    }

    private string Count(int n, string en, string chinese) => zh ? $"{n} {chinese}" : $"{n} {en}{(n == 1 ? "" : "s")}";

    private string Summary(string form) => form switch
    {
        "request" => $"{State(P.State)}",
        "responsibilities" => Count(record.Tasks.Count, "task", "项任务"),
        "milestones" => Count(record.Milestones.Count, "milestone", "个关键节点"),
        "tracking" => Count(record.Report.Rows.Count, "row", "行"),
        "issues" => Count(record.Issues.Count, "issue", "个问题"),
        "risks" => Count(record.Risks.Count, "risk", "项风险"),
        "acceptance" => Count(record.Acceptances.Count, "submission", "次验收"),
        "retrospective" => P.ClosedAt is null ? L("not yet written", "尚未填写") : T(P.ClosedAt),
        _ => "",
    };

    private FormSection Request() => new(L("Request", "申请信息"),
    [
        new FormFields([
            new(L("Number", "编号"), P.Number), new(L("Project", "项目名称"), P.Title),
            new(L("Initiating department", "发起部门"), P.InitiatingDepartment!.Name), new(L("Initiator", "发起人"), $"{P.InitiatorName} <{P.InitiatorEmail}>"),
            new(L("Background", "背景"), P.Background), new(L("Goal (SMART)", "目标（SMART）"), P.Goal), new(L("Scope", "范围"), P.Scope),
            new(L("Not included", "不包含"), P.Exclusions), new(L("Expected results", "预期成果"), P.ExpectedResults),
            new(L("Time window", "时间范围"), $"{D(P.StartDate)} – {D(P.EndDate)}"),
            new(L("Executive", "分管领导"), P.ExecutiveName is null ? "—" : $"{P.ExecutiveName} <{P.ExecutiveEmail}>"),
            new(L("Review", "审核"), State(P.State) + (P.ReturnReason is null ? "" : $" · {L("last returned", "上次退回")}: {P.ReturnReason} {P.ReturnComment}")),
        ]),
        new FormTable(null, [L("Indicator", "指标"), L("Target", "目标值"), L("Unit", "单位")],
            P.Kpis.OrderBy(k => k.Position).Select(k => (IReadOnlyList<string>)[k.Name, k.Target, k.Unit ?? ""]).ToList(), [4000, 3000, 2000]),
        new FormTable(null, [L("Department", "参与部门"), L("Head", "负责人"), L("Contact", "联系人"), L("Response", "回复"), L("Comment", "说明")],
            P.Departments.OrderBy(d => d.Department!.Name, StringComparer.Ordinal).Select(d => (IReadOnlyList<string>)[d.Department!.Name, d.Department.HeadName ?? "—",
                d.Department.ContactEmail ?? "—", Response(d.Response), d.Comment ?? ""]).ToList(), [2000, 1500, 2200, 1300, 2000]),
    ]);

    /// <summary>The table reads back (FormTags): tagged, its rows carrying the tasks' ids.</summary>
    private FormSection Responsibilities() => new(L("Responsibilities", "职责分工"),
    [
        new FormTable(FormTags.Responsibilities,
            [L("Task", "任务"), L("Lead department", "主导部门"), L("Cooperating departments", "协作部门"), L("Duty", "具体职责"), L("Deliverable", "交付成果"),
             L("Acceptance standard", "验收标准"), L("Deadline", "完成时限"), L("Owner", "负责人")],
            record.Tasks.Select(t => (IReadOnlyList<string>)[t.Title, t.LeadDepartment?.Name ?? "", string.Join(zh ? "、" : ", ", t.CooperatingDepartments.Select(c => c.Name)),
                t.Details ?? "", t.Deliverable ?? "", t.AcceptanceStandard ?? "", D(t.DueDate), t.Owner.Email]).ToList(),
            [1400, 1100, 1100, 1400, 1100, 1300, 1100, 1500], record.Tasks.Select(t => (string?)$"{FormTags.TaskRow}:{t.Id}").ToList()),
    ]);

    private FormSection Communication() => new(L("Communication mechanism", "沟通机制"),
    [
        new FormFields([
            new(L("Regular meetings", "例会"), P.Communication.Cadence ?? (P.Communication.SeriesId is null ? "—" : L("The project's meeting series", "项目会议系列"))),
            new(L("Channels", "沟通渠道"), P.Communication.Channels ?? "—"),
            new(L("Routine questions go to", "日常问题联系人"), P.Communication.RoutineContacts ?? "—"),
            new(L("Major questions are decided by", "重大事项决策"), P.Communication.MajorDecisions ?? "—"),
        ]),
        new FormTable(null, [L("Department", "部门"), L("Head", "负责人"), L("Contact", "联系人")],
            P.Departments.Select(d => d.Department!).Prepend(P.InitiatingDepartment!).DistinctBy(d => d.Id)
                .Select(d => (IReadOnlyList<string>)[d.Name, d.HeadEmail ?? "—", d.ContactEmail ?? "—"]).ToList(), [3000, 3000, 3000]),
    ]);

    private FormSection Milestones() => new(L("Milestones", "关键节点"),
    [
        new FormTable(null, [L("Milestone", "节点"), L("Date", "日期"), L("Confirmed by", "确认人"), L("Awaiting", "待确认"), L("At risk", "风险")],
            record.Milestones.Select(m => (IReadOnlyList<string>)[m.Name, D(m.Date), string.Join("\n", m.Confirmations.Select(c => $"{c.Department.Name}: {c.By.DisplayName} {T(c.At)}")),
                string.Join(zh ? "、" : ", ", m.Awaiting.Select(a => a.Name)), m.AtRisk ? L("Yes", "是") : ""]).ToList(), [2200, 1300, 2900, 1800, 800]),
    ]);

    private FormSection Tracking() => new(L("Progress tracking", "进度跟踪"),
    [
        .. record.Report.FigureLines(zh).Select(f => new FormText(f)),
        new FormTable(null, [L("Item", "事项"), L("Owner", "负责人"), L("Due", "截止"), L("Status", "状态"), L("Latest progress", "最新进展"), L("Days late", "逾期天数"), L("Deviation", "偏差原因")],
            record.Report.Rows.Select(r => (IReadOnlyList<string>)[r.Item, r.OwnerName, D(r.Due), MinutesLabels.Status(r.Status, zh), r.ProgressNote ?? "",
                r.DaysLate > 0 ? r.DaysLate.ToString(CultureInfo.InvariantCulture) : "", r.DeviationReason ?? ""]).ToList(), [1900, 1100, 1350, 1000, 2000, 800, 1600]),
    ]);

    private FormSection Issues() => new(L("Issues", "问题处理"),
    [
        new FormTable(null, [L("Raised", "提出"), L("Issue", "问题"), L("Departments", "涉及部门"), L("Steps (who, when, outcome)", "处理过程（人、时间、结果）"), L("Resolution", "解决结果")],
            record.Issues.Select(i => (IReadOnlyList<string>)[$"{T(i.RaisedAt)}\n{i.RaisedBy.DisplayName}", i.Title, string.Join(zh ? "、" : ", ", i.Departments.Select(d => d.Name)),
                string.Join("\n", i.Steps.Select(s => $"{T(s.At)} {L($"level {(int)s.Level}", $"第{(int)s.Level}级")} {s.By.DisplayName}: {Step(s.Action)}{(s.Outcome is null ? "" : $" — {s.Outcome}")}")),
                i.Resolution ?? L("open", "处理中")]).ToList(),
            [1500, 1800, 1400, 3000, 1500]),
    ]);

    private string Step(string action) => action switch
    {
        "raised" => L("raised", "提出"),
        "timedOut" => L("time limit passed, escalated", "超过处理时限，自动升级"),
        "escalated" => L("escalated", "升级"),
        _ => L("resolved", "解决"),
    };

    private FormSection Risks() => new(L("Risks", "风险"),
    [
        new FormTable(null, [L("Risk", "风险描述"), L("Probability", "可能性"), L("Impact", "影响"), L("Owner", "负责人"), L("Response", "应对措施"), L("Status", "状态"), L("Last review", "最近评审")],
            record.Risks.Select(r => (IReadOnlyList<string>)[r.Description, Rating(r.Probability), Rating(r.Impact), r.OwnerName, r.Response ?? "", RiskState(r.Status),
                r.ReviewedAt is null ? "—" : $"{T(r.ReviewedAt)} {r.ReviewNote}"]).ToList(), [2200, 900, 900, 1200, 1800, 1000, 1600]),
    ]);

    private string Rating(RiskRating r) => r switch { RiskRating.Low => L("Low", "低"), RiskRating.Medium => L("Medium", "中"), _ => L("High", "高") };
    private string RiskState(RiskStatus s) => s switch
    {
        RiskStatus.Identified => L("Identified", "已识别"),
        RiskStatus.Assessed => L("Assessed", "已评估"),
        RiskStatus.Responding => L("Responding", "应对中"),
        _ => L("Closed", "已关闭"),
    };

    private FormSection Acceptance() => new(L("Acceptance", "成果验收"),
    [
        new FormTable(FormTags.Acceptance, [L("Task", "任务"), L("Round", "轮次"), L("Self-check", "自检"), L("Submitted", "提交"), L("Outcome", "结论"), L("Decided", "验收人"), L("Rework", "整改")],
            record.Acceptances.Select(a => (IReadOnlyList<string>)[a.TaskTitle, a.Round.ToString(CultureInfo.InvariantCulture),
                string.Join("\n", a.SelfChecks.Select(c => $"{(c.Met ? "✓" : "✗")} {c.Standard}{(c.Evidence is null ? "" : $" ({c.Evidence})")}")),
                $"{a.SubmittedBy.DisplayName} {T(a.SubmittedAt)}", Outcome(a.Outcome) + (a.Comment is null ? "" : $": {a.Comment}"),
                a.DecidedBy is null ? "—" : $"{a.DecidedBy.DisplayName} {T(a.DecidedAt)}" + (a.JointlyWith.Count == 0 ? "" : $"\n{L("jointly with", "共同验收")}: {string.Join(", ", a.JointlyWith)}"),
                a.ReworkWhat is null ? "" : $"{a.ReworkWhat} ({D(a.ReworkDue)})"]).ToList(), [1400, 800, 2100, 1400, 1300, 1500, 1300]),
    ]);

    private string Outcome(AcceptanceOutcome o) => o switch
    {
        AcceptanceOutcome.Pass => L("Passed", "通过"),
        AcceptanceOutcome.Fail => L("Not passed", "不通过"),
        AcceptanceOutcome.Rework => L("Rework", "整改"),
        _ => L("Waiting", "待验收"),
    };

    private FormSection Retrospective()
    {
        var improvements = record.Tasks.Where(t => t.Improvement).ToList();
        return new(L("Retrospective", "复盘"),
        [
            new FormFields([new(L("What went well", "做得好的"), P.Retrospective.WentWell ?? "—"), new(L("Problems", "存在的问题"), P.Retrospective.Problems ?? "—"),
                new(L("Satisfaction", "满意度"), record.Satisfaction.Average is { } avg ? $"{avg:0.0} / 5" : L("not shown below 3 answers", "不足 3 份不显示"))]),
            new FormTable(null, [L("Improvement", "改进措施"), L("Owner", "负责人"), L("Due", "完成时间"), L("Status", "状态")],
                improvements.Select(t => (IReadOnlyList<string>)[t.Title, t.Owner.DisplayName, D(t.DueDate), MinutesLabels.Status(t.Status.ToWire(), zh)]).ToList(), [4200, 2000, 1400, 1400]),
        ]);
    }
}
