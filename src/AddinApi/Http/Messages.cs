using System.Globalization;

namespace CollabAddin.Api.Http;

/// <summary>
/// Every message the API words for people, in en-US and zh-CN (the caller's Accept-Language decides): the meeting
/// rules, input refusals, action-item changes. A code without both texts, or with different placeholders, fails PolicyTests.
/// </summary>
public static class Messages
{
    public static readonly IReadOnlyDictionary<string, (string En, string Zh)> Texts = new Dictionary<string, (string, string)>
    {
        ["subject.missing"] = ("Give the meeting a subject.", "请填写会议主题。"),
        ["text.tooLong"] = ("This is too long: at most {0} characters.", "内容过长：最多 {0} 个字符。"),
        ["text.forbiddenCharacter"] = ("Character {0} is an invisible control character ({1}) that cannot be stored. Remove it (it often comes with pasted text) and try again.",
            "第 {0} 个字符是无法保存的不可见控制字符（{1}），常见于粘贴的文本。请删除后重试。"),
        ["list.tooLong"] = ("Too many entries: at most {0}.", "条目过多：最多 {0} 项。"),
        ["input.refused"] = ("Some of what was sent cannot be stored.", "提交的部分内容无法保存。"),

        // The minutes: where in the document, and what the reader and the publish found (Minutes/MinutesWords)
        ["minutes.part.ActionItems"] = ("Action items", "行动项表"),
        ["minutes.part.ActionItems.n"] = ("Action items (table {0})", "行动项表（第 {0} 个）"),
        ["minutes.part.Decisions"] = ("Decisions", "决议表"),
        ["minutes.part.Decisions.n"] = ("Decisions (table {0})", "决议表（第 {0} 个）"),
        ["minutes.part.Attendance"] = ("Attendance", "出席表"),
        ["minutes.part.AgendaDecisions"] = ("Decisions on agenda item {0}", "议程第 {0} 项的决议"),
        ["minutes.part.AgendaNotes"] = ("Notes on agenda item {0}", "议程第 {0} 项的记录"),
        ["minutes.part.NextMeeting"] = ("Next meeting", "下次会议"),
        ["minutes.row"] = ("{0}, row {1}", "{0}第 {1} 行"),
        ["minutes.cell"] = ("{0}, {1}", "{0}的{1}"),
        ["minutes.column.title"] = ("action", "行动项"),
        ["minutes.column.owner"] = ("owner", "负责人"),
        ["minutes.column.due"] = ("due date", "截止日期"),
        ["minutes.column.lead"] = ("lead department", "主导部门"),
        ["minutes.column.cooperating"] = ("cooperating departments", "协作部门"),
        ["minutes.column.agenda"] = ("agenda item", "议程项"),
        ["minutes.column.status"] = ("status", "状态"),
        ["minutes.column.attendance"] = ("attendance", "出席情况"),
        ["minutes.column.text"] = ("decision", "决议内容"),
        ["minutes.column.name"] = ("name", "姓名"),
        ["minutes.status.open"] = ("open", "未开始"),
        ["minutes.status.inProgress"] = ("in progress", "进行中"),
        ["minutes.status.done"] = ("done", "已完成"),
        ["minutes.status.blocked"] = ("blocked", "阻塞"),
        ["minutes.status.cancelled"] = ("cancelled", "已取消"),
        ["minutes.warn.controlCharacters"] = ("Control characters that cannot be shown were removed from this cell.", "此单元格中无法显示的控制字符已被删除。"),
        ["minutes.warn.emptyAction"] = ("This row has no action written in it, so it was skipped.", "此行没有填写行动项，已跳过。"),
        ["minutes.warn.noDueDate"] = ("No due date: every action item needs one.", "没有截止日期：每个行动项都需要截止日期。"),
        ["minutes.warn.badDueDate"] = ("'{0}' is not a date we can read. Write it like 2026-12-01, 12月1日 or next Friday.", "无法识别日期“{0}”。请写成 2026-12-01、12月1日或“下周五”。"),
        ["minutes.warn.badStatus"] = ("'{0}' is not a status. Use open, in progress, done or blocked.", "“{0}”不是有效状态。请填写未开始、进行中、已完成或阻塞。"),
        ["minutes.warn.badAttendance"] = ("'{0}' is not present, absent or delegate.", "“{0}”不是有效的出席情况。请填写出席、缺席或代理。"),
        ["minutes.warn.unknownPerson"] = ("'{0}' is not one of the meeting's attendees. Write their name as invited, their email, or @name.", "“{0}”不是本次会议的参会人。请填写邀请时的姓名、邮箱或 @姓名。"),
        ["minutes.warn.ambiguousPerson"] = ("'{0}' matches more than one attendee. Write their email instead.", "“{0}”与多位参会人匹配。请改填邮箱。"),
        ["minutes.warn.noOwner"] = ("No owner: every action item needs one.", "没有负责人：每个行动项都需要负责人。"),
        ["minutes.warn.unknownAgendaItem"] = ("'{0}' is not an agenda item of this meeting. Write its number (1, 2, …) or its topic.", "“{0}”不是本次会议的议程项。请填写议程编号（1、2……）或议题。"),
        ["minutes.titleShortened"] = ("The action is longer than {0} characters; it was shortened. Put the detail in the notes.", "行动项超过 {0} 个字符，已被截短。请将细节写在会议记录中。"),
        ["minutes.noOwnerSkipped"] = ("No owner we know, so no item was created. Write an attendee's name or email and publish again.", "未识别负责人，因此没有创建行动项。请填写参会人的姓名或邮箱后重新发布。"),
        ["minutes.newDepartment"] = ("'{0}' was not a known department, so it was added. A tenant admin can set its contact person.", "“{0}”原本不是已知部门，已自动添加。租户管理员可为其设置联系人。"),
        ["minutes.statusConflict"] = ("{0} changed the status to {1} since the last publish, and the minutes now say {2}; the minutes' value was applied.",
            "自上次发布以来，{0} 已将状态改为“{1}”，而纪要中现为“{2}”；已按纪要更新。"),
        ["minutes.removedButWorked"] = ("'{0}' is no longer in the minutes, but {1} has already worked on it ({2}); it was left as it is. Put the row back, or agree with {1} before removing it.",
            "“{0}”已不在纪要中，但 {1} 已在处理（{2}），因此保持不变。请恢复该行，或在删除前与 {1} 确认。"),

        // Publishing and mailing minutes
        ["minutes.runOnly"] = ("Only the organizer and the note-taker handle this meeting's minutes.", "只有发起人和记录人可以处理本次会议的纪要。"),
        ["minutes.notADocument"] = ("Send the minutes as a Word document.", "请以 Word 文档提交会议纪要。"),
        ["minutes.notADocumentDetail"] = ("The body must be the .docx itself, with Content-Type {0}.", "请求正文必须是 .docx 文件本身，Content-Type 为 {0}。"),
        ["minutes.tooLarge"] = ("The document is too large.", "文档过大。"),
        ["minutes.tooLargeDetail"] = ("Minutes can be at most {0} MB. Remove large pictures or attachments and publish again.", "会议纪要最大为 {0} MB。请删除较大的图片或附件后重新发布。"),
        ["minutes.busy"] = ("Many minutes are being published right now.", "当前有大量会议纪要正在发布。"),
        ["minutes.busyDetail"] = ("Nothing was published. Publish again in a few seconds.", "本次未发布任何内容。请几秒后重新发布。"),
        ["minutes.cannotPublish"] = ("These minutes cannot be published.", "无法发布此会议纪要。"),
        ["minutes.raced"] = ("The meeting is being changed right now.", "此会议正在被他人修改。"),
        ["minutes.racedDetail"] = ("Others saved changes to this meeting's items while the minutes were being published. Nothing was published; publish again.",
            "发布纪要期间，他人保存了本次会议行动项的修改。本次未发布任何内容，请重新发布。"),
        ["minutes.nothingPublished"] = ("Nothing has been published yet.", "尚未发布任何纪要。"),
        ["minutes.nothingPublishedDetail"] = ("Publish the minutes first, then mail them.", "请先发布会议纪要，再发送邮件。"),
        ["minutes.tooLargeToMail"] = ("The minutes are too large to attach to a mail.", "会议纪要过大，无法作为邮件附件发送。"),
        ["minutes.tooLargeToMailDetail"] = ("Remove large pictures from the document, publish again, then mail.", "请删除文档中较大的图片，重新发布后再发送。"),
        ["minutes.alreadyMailed"] = ("These minutes were already mailed to the attendees.", "这份纪要已发送给参会人。"),
        ["minutes.alreadyMailedDetail"] = ("They went out at {0} UTC and have not been published again since. To send the same minutes again, confirm the resend (resend=true).",
            "已于 {0}（UTC）发送，此后未重新发布。如需再次发送同一份纪要，请确认重发（resend=true）。"),
        ["minutes.mailedMoment"] = ("These minutes were mailed a moment ago.", "这份纪要刚刚发送过。"),
        ["minutes.mailedMomentDetail"] = ("The same minutes go out at most every {0} minutes. Try again in {1} seconds.", "同一份纪要每 {0} 分钟最多发送一次。请在 {1} 秒后重试。"),

        // Meetings
        ["meeting.notFound"] = ("No such meeting.", "找不到该会议。"),
        ["meeting.cannotSee"] = ("Only the organizer and the attendees of this meeting can see it.", "只有该会议的发起人和参会人可以查看。"),
        ["meeting.organizerOnly"] = ("Only the organizer can change or cancel this meeting.", "只有发起人可以修改或取消此会议。"),
        ["meeting.cancelled"] = ("This meeting is cancelled.", "此会议已取消。"),
        ["meeting.cancelledDetail"] = ("A cancelled meeting cannot be changed; plan a new one.", "已取消的会议不能修改，请重新安排会议。"),
        ["meeting.alreadyCancelled"] = ("This meeting is already cancelled.", "此会议已经取消。"),
        ["meeting.ifMatchRequiredDetail"] = ("Send the ETag from your last read of this meeting in If-Match, so nobody's change is overwritten unseen.",
            "请在 If-Match 中提交您上次读取此会议时的 ETag，以免在不知情时覆盖他人的修改。"),
        ["meeting.stale"] = ("The meeting changed since you read it.", "您读取之后，此会议已被他人修改。"),
        ["meeting.staleDetail"] = ("Someone else saved a change first. Look at the current meeting (in 'current'), then try again with its ETag.",
            "他人已先保存了修改。请查看当前会议（current），然后使用新的 ETag 重试。"),
        ["meeting.refused"] = ("The meeting plan breaks the meeting rules.", "会议计划不符合会议规则。"),
        ["meeting.keyInvalid"] = ("Give 1 to {0} visible characters, e.g. a UUID per plan.", "请提供 1 到 {0} 个可见字符，例如每个计划一个 UUID。"),
        ["meeting.lookupOneOf"] = ("Give exactly one of eventId or iCalUId.", "请只提供 eventId 或 iCalUId 中的一个。"),
        ["meeting.listAs"] = ("Use organizer, noteTaker or attendee.", "请使用 organizer（发起人）、noteTaker（记录人）或 attendee（参会人）。"),

        // Action items (the assignee's pane and the API)
        ["item.invalid"] = ("The change is not valid.", "无法保存此修改。"),
        ["item.nothingToChange"] = ("Nothing to change: send a status, a progress note, needs help or a deviation reason.", "没有可保存的修改：请提交状态、进展说明、需协助或偏差原因。"),
        ["item.statusUnknown"] = ("'{0}' is not a status: choose open, in progress, done or blocked.", "“{0}”不是有效状态：请选择未开始、进行中、已完成或阻塞。"),
        ["item.cancelOnlyByMinutes"] = ("Items are cancelled by removing them from the minutes, not from here.", "行动项只能通过从会议纪要中删除来取消，不能在此取消。"),
        ["item.doneReopens"] = ("A done item can only be reopened as in progress (rework).", "已完成的行动项只能重新打开为“进行中”（返工）。"),
        ["item.cancelledFinal"] = ("A cancelled item cannot be changed here; only the minutes can bring it back.", "已取消的行动项不能在此修改，只能通过会议纪要恢复。"),
        ["item.helpReasonMissing"] = ("Say what help is needed, so the organizer and the lead department can act on it.", "请说明需要什么协助，以便发起人和主导部门跟进。"),
        ["item.reasonWithoutHelp"] = ("A reason for help only goes with asking for help.", "只有在申请协助时才需要填写协助原因。"),
        ["item.helpOnDone"] = ("A done item needs no help. Reopen it as in progress if the work is not finished.", "已完成的行动项无需协助。如工作尚未完成，请先重新打开为“进行中”。"),
        ["item.helpOnCancelled"] = ("A cancelled item needs no help: it is no longer tracked.", "已取消的行动项无需协助：它已不再跟踪。"),
        ["item.notFound"] = ("No such action item.", "找不到该行动项。"),
        ["item.cannotSee"] = ("This action item belongs to a meeting you are not part of.", "该行动项属于您未参加的会议。"),
        ["item.cannotChange"] = ("Only the owner, the organizer and the note-taker can change this item.", "只有负责人、发起人和记录人可以修改此行动项。"),
        ["item.ifMatchRequired"] = ("If-Match is required.", "缺少 If-Match。"),
        ["item.ifMatchRequiredDetail"] = ("Send the ETag from your last read of this item in If-Match, so nobody's change is overwritten unseen.",
            "请在 If-Match 中提交您上次读取此行动项时的 ETag，以免在不知情时覆盖他人的修改。"),
        ["item.stale"] = ("The item changed since you read it.", "您读取之后，此行动项已被他人修改。"),
        ["item.staleDetail"] = ("Someone else saved a change first. Look at the current item (in 'current'), then try again with its ETag.",
            "他人已先保存了修改。请查看当前内容（current），然后使用新的 ETag 重试。"),
        ["goal.missing"] = ("State the goal: what must be agreed or decided when the meeting ends?", "请写明会议目标：会议结束时要达成什么共识或决定？"),
        ["goal.notMeasurable"] = ("The goal may not be measurable: name an outcome (a plan, decision, owner, budget…) and a number or date, e.g. \"agree the Q3 launch plan and owners before 30 Sept\".",
            "目标可能不可衡量：请写明成果（方案、决定、负责人、预算等）以及数字或日期，例如“9月30日前确定第三季度发布方案及各部门负责人”。"),
        ["time.invalid"] = ("Give a date and time like 2026-12-01T10:00.", "请按 2026-12-01T10:00 的格式填写日期和时间。"),
        ["timeZone.unknown"] = ("'{0}' is not a time zone we know. Use an IANA id (Asia/Shanghai) or a Windows one (China Standard Time).",
            "无法识别时区“{0}”。请使用 IANA 名称（Asia/Shanghai）或 Windows 名称（China Standard Time）。"),
        ["time.endNotAfterStart"] = ("The meeting must end after it starts.", "会议结束时间必须晚于开始时间。"),
        ["time.inPast"] = ("The meeting starts in the past.", "会议开始时间已经过去。"),
        ["time.shortNotice"] = ("The invite goes out less than {0} days before the meeting; attendees may not have time to prepare.",
            "邀请发出距会议开始不足 {0} 天，参会人可能来不及准备。"),
        ["attendees.none"] = ("Invite at least one attendee.", "请至少邀请一位参会人。"),
        ["attendees.tooMany"] = ("At most {0} attendees can be invited.", "最多可以邀请 {0} 位参会人。"),
        ["attendees.tooManyCore"] = ("{0} core attendees is more than the recommended {1}: make listeners optional.",
            "核心参会人 {0} 位，超过建议的 {1} 位：请将仅需旁听的人设为可选参会人。"),
        ["attendee.emailInvalid"] = ("'{0}' is not an email address.", "“{0}”不是有效的邮箱地址。"),
        ["attendee.duplicate"] = ("{0} is invited twice.", "{0} 被重复邀请。"),
        ["attendee.nameMissing"] = ("Give the attendee's name.", "请填写参会人姓名。"),
        ["attendee.kindUnknown"] = ("'{0}' is not an attendance kind: use core or optional.", "“{0}”不是有效的参会类型：请使用 core（核心）或 optional（可选）。"),
        ["attendee.roleUnknown"] = ("'{0}' is not a role: use host, noteTaker, timekeeper or participant.", "“{0}”不是有效角色：请使用 host（主持人）、noteTaker（记录人）、timekeeper（计时员）或 participant（参会人）。"),
        ["attendee.tooManyRoles"] = ("An attendee has at most {0} roles: host, noteTaker, timekeeper, participant.", "每位参会人最多 {0} 个角色：主持人、记录人、计时员、参会人。"),
        ["attendee.noDepartment"] = ("{0} has no department: cross-department follow-up needs one.", "{0} 未填写部门：跨部门跟进需要部门信息。"),
        ["roles.noHost"] = ("Name a host.", "请指定主持人。"),
        ["roles.noNoteTaker"] = ("Name a note-taker.", "请指定记录人。"),
        ["agenda.none"] = ("There is no agenda: attendees will not know what to prepare.", "没有议程：参会人将不知道需要准备什么。"),
        ["agenda.tooMany"] = ("{0} agenda items is more than the recommended {1}: split the meeting or cut items.", "议程共 {0} 项，超过建议的 {1} 项：请拆分会议或精简议程。"),
        ["agenda.overLimit"] = ("At most {0} agenda items can be planned for one meeting.", "一次会议最多可安排 {0} 项议程。"),
        ["agenda.elementMissing"] = ("Agenda item {0} needs its {1}.", "第 {0} 项议程缺少{1}。"),
        ["agenda.minutesInvalid"] = ("Agenda item {0} needs a planned time of at least one minute.", "第 {0} 项议程的计划时长至少为 1 分钟。"),
        ["agenda.ownerNotAttendee"] = ("The owner of agenda item {0}, {1}, is not invited.", "第 {0} 项议程的负责人 {1} 不在参会人中。"),
        ["agenda.overTime"] = ("The agenda needs {0} minutes but the meeting lasts {1}.", "议程共需 {0} 分钟，但会议只有 {1} 分钟。"),
        ["preReads.tooMany"] = ("At most {0} pre-reads can be attached to one meeting.", "一次会议最多可附 {0} 份会前材料。"),
        ["preRead.tooManyReaders"] = ("More readers than attendees: name each attendee who must read it once.", "阅读人数超过参会人数：每位需要阅读的参会人只需列出一次。"),
        ["preRead.titleMissing"] = ("Give the pre-read a title.", "请填写会前材料的标题。"),
        ["preRead.urlInvalid"] = ("Give the pre-read an http or https link.", "会前材料的链接必须以 http 或 https 开头。"),
        ["preRead.readerNotAttendee"] = ("{0} must read this but is not invited.", "{0} 需要阅读此材料，但不在参会人中。"),
    };

    private static readonly IReadOnlyDictionary<string, (string En, string Zh)> Elements = new Dictionary<string, (string, string)>
    {
        ["topic"] = ("topic", "议题"),
        ["discussion"] = ("what is discussed", "讨论内容"),
        ["owner"] = ("owner", "负责人"),
        ["plannedMinutes"] = ("planned minutes", "计划时长"),
        ["expectedOutput"] = ("expected output", "预期产出"),
    };

    public static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Format(string code, CultureInfo culture, params object[] args)
    {
        var (en, zh) = Texts[code];
        return string.Format(culture, IsChinese(culture) ? zh : en, args);
    }

    public static string Element(string field, CultureInfo culture) => IsChinese(culture) ? Elements[field].Zh : Elements[field].En;
}
