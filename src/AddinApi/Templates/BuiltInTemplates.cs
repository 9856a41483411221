namespace CollabAddin.Api.Templates;

/// <summary>
/// The guides' meeting scenarios as ready templates, in both languages: project kickoff (启动会), weekly progress sync,
/// problem solving / incident (突发问题), resource coordination (资源协调) and review / retrospective (复盘). Each agenda
/// fits its meeting's length and has all five elements, so a plan started from one passes the meeting rules once the
/// planner adds the people and the date. Placeholders in brackets ([project], 【日期】) are for the planner to fill.
/// </summary>
public static class BuiltInTemplates
{
    private sealed record Text(string En, string Zh)
    {
        public string In(bool zh) => zh ? Zh : En;
    }

    private sealed record Item(Text Topic, Text Discussion, int Minutes, Text Output);

    private sealed record Template(string Key, Text Name, Text Goal, int Minutes, Text Roles, Item[] Agenda);

    private static readonly Template[] All =
    [
        new("kickoff", new("Project kickoff", "项目启动会"),
            new("Agree the goal, scope, an owner per department and the milestones of [project] before [date]", "在【日期】前确定【项目】的目标、范围、各部门负责人及关键节点"),
            60, new("Host: the project lead. Note-taker and timekeeper. Core: each involved department's contact; the sponsor for decisions.", "主持人：项目负责人；记录人、计时员各一名；核心参会人：各协作部门接口人，决策需发起部门负责人参加。"),
            [
                new(new("Goal and scope", "目标与范围"), new("The goal, what is in and out of scope, how success is measured", "项目目标、包含与不包含的内容、成功的衡量标准"), 15, new("Agreed goal and scope", "确认的目标与范围")),
                new(new("Responsibilities", "职责分工"), new("Lead and cooperating departments per task, one owner each", "各项任务的主导与协作部门，每项一名负责人"), 20, new("Owner per task", "每项任务的负责人")),
                new(new("Milestones", "关键节点"), new("Dates for requirements, plan, execution start and acceptance", "需求确认、方案提交、执行启动、验收的日期"), 15, new("Agreed milestone dates", "确认的关键节点日期")),
                new(new("Communication", "沟通机制"), new("Regular meetings, channels, who decides what", "例会安排、沟通渠道、决策权限"), 10, new("Meeting cadence and contacts", "例会节奏与联系人")),
            ]),
        new("weeklySync", new("Weekly progress sync", "周例会（进度同步）"),
            new("Agree next week's priorities and an owner for each blocker before [date]", "在【日期】前确定下周重点，并为每个阻塞问题确定负责人"),
            30, new("Host: the project lead. Note-taker doubling as timekeeper. Core: task owners.", "主持人：项目负责人；记录人兼计时员；核心参会人：各任务负责人。"),
            [
                new(new("Open items", "遗留事项"), new("Status of last meeting's action items", "上次会议行动项的进展"), 10, new("Updated status per item", "每项的最新状态")),
                new(new("Blockers", "阻塞问题"), new("What is stuck and who can unblock it", "受阻事项及可协助解决的人"), 10, new("An owner and date per blocker", "每个阻塞问题的负责人与期限")),
                new(new("Next week", "下周重点"), new("Priorities and who does what", "下周优先事项与分工"), 10, new("Agreed priorities", "确认的优先事项")),
            ]),
        new("problemSolving", new("Problem solving / incident", "突发问题处理会"),
            new("Agree the cause, the fix and an owner for [problem] before [date]", "在【日期】前确定【问题】的原因、解决方案和负责人"),
            45, new("Host: whoever owns the problem. Note-taker. Core: the departments involved and someone who can decide.", "主持人：问题负责人；记录人一名；核心参会人：相关部门及有决策权的人。"),
            [
                new(new("What happened", "问题说明"), new("Facts, impact and timeline so far", "事实、影响范围与时间线"), 10, new("Shared picture of the problem", "对问题的一致认识")),
                new(new("Cause", "原因分析"), new("Likely causes and what supports each", "可能原因及依据"), 15, new("The agreed cause", "确认的原因")),
                new(new("Fix and owners", "解决方案与分工"), new("Options, the choice, who does what by when", "方案比选、决定、分工与期限"), 15, new("A fix with owners and dates", "有负责人和期限的解决方案")),
                new(new("Prevention", "预防措施"), new("What keeps it from happening again", "避免再次发生的措施"), 5, new("Follow-up actions", "后续行动项")),
            ]),
        new("resourceCoordination", new("Resource coordination", "资源协调会"),
            new("Decide the plan for sharing [resource] between the departments for [period] before [date]", "在【日期】前确定【资源】在【期间】内的部门间分配方案"),
            45, new("Host: a neutral coordinator. Note-taker. Core: each requesting department's head or contact.", "主持人：中立的协调人；记录人一名；核心参会人：各申请部门负责人或接口人。"),
            [
                new(new("Needs", "各方需求"), new("Each department's need, timing and why", "各部门的需求、时间与理由"), 15, new("The list of needs", "需求清单")),
                new(new("Conflicts", "冲突点"), new("Where needs overlap and what each option costs", "需求重叠之处与各方案的代价"), 15, new("Options with their costs", "备选方案及代价")),
                new(new("Allocation", "分配决定"), new("The decision and who escalates if it does not hold", "分配决定及无法落实时的升级路径"), 15, new("An agreed allocation", "确认的分配方案")),
            ]),
        new("review", new("Review / retrospective", "复盘会"),
            new("Agree what to keep, what to improve and an owner for each improvement of [project] before [date]", "在【日期】前总结【项目】的经验与问题，并为每项改进确定负责人"),
            60, new("Host: a facilitator outside the team if possible. Note-taker and timekeeper. Core: everyone who did the work.", "主持人：尽量由团队外的引导者担任；记录人、计时员各一名；核心参会人：全体参与者。"),
            [
                new(new("Results against the goal", "目标达成情况"), new("What was delivered, against the goal and KPIs", "交付成果与目标、KPI 的对比"), 15, new("Results per KPI", "各 KPI 的结果")),
                new(new("What went well", "做得好的"), new("What to keep doing", "值得保持的做法"), 15, new("Practices to keep", "保持的做法")),
                new(new("Problems", "存在的问题"), new("What got in the way, and why", "遇到的障碍及原因"), 15, new("Causes named", "明确的原因")),
                new(new("Improvements", "改进措施"), new("What to change next time, with an owner", "下次的改进及负责人"), 15, new("Improvements with owners", "有负责人的改进措施")),
            ]),
    ];

    public const string Prefix = "builtin:";

    /// <summary>The built-in templates in the planner's language.</summary>
    public static IEnumerable<TemplateResponse> In(bool chinese) => All.Select(t => new TemplateResponse(Prefix + t.Key, true, t.Name.In(chinese), t.Goal.In(chinese), t.Minutes,
        t.Agenda.Select(a => new TemplateAgendaItem(a.Topic.In(chinese), a.Discussion.In(chinese), a.Minutes, a.Output.In(chinese))).ToList(), t.Roles.In(chinese), null, null));
}
