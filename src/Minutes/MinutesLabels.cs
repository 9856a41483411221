namespace CollabAddin.Minutes;

/// <summary>The words of the minutes in en-US and zh-CN, and the header words a hand-typed table may use.</summary>
public static class MinutesLabels
{
    private static readonly Dictionary<string, (string En, string Zh)> Texts = new()
    {
        ["title"] = ("Meeting minutes", "会议纪要"),
        ["time"] = ("Time", "时间"),
        ["place"] = ("Place", "地点"),
        ["online"] = ("Online meeting", "线上会议"),
        ["host"] = ("Host", "主持人"),
        ["noteTaker"] = ("Note-taker", "记录人"),
        ["timekeeper"] = ("Timekeeper", "计时员"),
        ["goal"] = ("Goal", "会议目标"),
        ["attendance"] = ("Attendance", "出席情况"),
        ["name"] = ("Name", "姓名"),
        ["department"] = ("Department", "部门"),
        ["role"] = ("Core / optional", "核心 / 可选"),
        ["present"] = ("Present / absent / delegate", "出席 / 缺席 / 代理"),
        ["core"] = ("core", "核心"),
        ["optional"] = ("optional", "可选"),
        ["agenda"] = ("Agenda and notes", "议程与记录"),
        ["openItems"] = ("Open items from earlier meetings", "此前会议的未完成事项"),
        ["openItemsHint"] = ("Update status and due date in place; the items are updated, not copied. Add a row for new work here or in the action items below.",
            "请直接更新状态和截止日期；系统更新原事项，不会重复创建。新的工作可在此或下方行动项表中添加。"),
        ["progress"] = ("Latest progress", "最新进展"),
        ["from"] = ("from", "来自"),
        ["owner"] = ("Owner", "负责人"),
        ["planned"] = ("Planned", "计划时长"),
        ["actual"] = ("actual", "实际用时"),
        ["minutes"] = ("min", "分钟"),
        ["expected"] = ("Expected output", "预期产出"),
        ["notes"] = ("Notes", "记录"),
        ["agendaDecisions"] = ("Decisions on this item", "本议题决议"),
        ["actions"] = ("Action items", "行动项"),
        ["what"] = ("Action", "行动项"),
        ["due"] = ("Due", "截止日期"),
        ["lead"] = ("Lead department", "主导部门"),
        ["cooperating"] = ("Cooperating departments", "协作部门"),
        ["agendaItem"] = ("Agenda item", "所属议题"),
        ["status"] = ("Status", "状态"),
        ["decisions"] = ("Decisions", "决议"),
        ["decision"] = ("Decision", "决议内容"),
        ["next"] = ("Next meeting", "下次会议"),
        ["nextHint"] = ("Date, time and place of the next meeting, if one was agreed — or \u201cnone\u201d.", "如已商定，请填写下次会议的日期、时间和地点；没有则填“无”。"),
        ["noAgenda"] = ("No agenda was planned for this meeting; write the notes below.", "本次会议未安排议程；请在下方记录。"),
        ["attendance.present"] = ("present", "出席"),
        ["attendance.absent"] = ("absent", "缺席"),
        ["attendance.delegate"] = ("delegate", "代理"),
        ["status.open"] = ("open", "未开始"),
        ["status.inProgress"] = ("in progress", "进行中"),
        ["status.done"] = ("done", "已完成"),
        ["status.blocked"] = ("blocked", "阻塞"),
        ["status.cancelled"] = ("cancelled", "已取消"),
    };

    public static string Get(string key, bool chinese) => chinese ? Texts[key].Zh : Texts[key].En;

    /// <summary>A status (open, inProgress, done, blocked, cancelled) as the document's reader would write it.</summary>
    public static string Status(string status, bool chinese) => Texts.TryGetValue("status." + status, out var t) ? (chinese ? t.Zh : t.En) : status;

    /// <summary>Column meanings of an action table, by the words people put in its header row.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ActionColumns = new Dictionary<string, string[]>
    {
        ["title"] = ["action", "action item", "task", "what", "item", "to do", "todo", "行动项", "事项", "任务", "工作内容", "待办"],
        ["owner"] = ["owner", "assignee", "responsible", "who", "负责人", "责任人", "执行人"],
        ["due"] = ["due", "due date", "deadline", "by when", "when", "截止日期", "完成时间", "截止时间", "期限", "完成日期"],
        ["lead"] = ["lead", "lead department", "lead dept", "主导部门", "主导方", "牵头部门"],
        ["cooperating"] = ["cooperating", "cooperating departments", "support", "supporting departments", "协作部门", "协作方", "配合部门"],
        ["agenda"] = ["agenda item", "agenda", "topic", "所属议题", "议题", "议程"],
        ["status"] = ["status", "state", "状态"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> DecisionColumns = new Dictionary<string, string[]>
    {
        ["text"] = ["decision", "decisions", "决议", "决议内容", "决定", "决定事项", "决议事项"],
        ["owner"] = ["owner", "负责人", "责任人"],
        ["due"] = ["due", "due date", "deadline", "by when", "截止日期", "完成时间", "截止时间", "期限", "完成日期"],
        ["agenda"] = ["agenda item", "agenda", "topic", "所属议题", "议题"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> AttendanceColumns = new Dictionary<string, string[]>
    {
        ["name"] = ["name", "attendee", "姓名", "参会人"],
        ["status"] = ["present / absent / delegate", "attendance", "present", "出席 / 缺席 / 代理", "出席情况", "出席"],
    };
}
