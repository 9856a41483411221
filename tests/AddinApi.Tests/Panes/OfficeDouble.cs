namespace CollabAddin.Api.Tests.Panes;

/// <summary>
/// A stand-in for Office.js, injected into the page before its scripts run (the real office.js request is answered
/// with an empty script). It plays Outlook's mailbox item or Word's document, so the panes' real code runs; it records
/// what the panes did (documents inserted, content-control tags set) in window.__office for the test to read.
/// </summary>
public static class OfficeDouble
{
    public const string Script = """
        (() => {
          const config = window.__officeConfig || { host: null, displayLanguage: "en-US" };
          const office = window.__office = { inserted: [], controls: config.controls || [], docx: config.docx || null, sliceSizes: [], selected: [] };
          office.controls.forEach((c) => { c.select = () => office.selected.push(office.controls.indexOf(c)); });
          if (!config.host) return; // a plain browser: no Office at all
          const ok = (value) => ({ status: "succeeded", value });
          const recipients = (list) => ({ value: list, getAsync(cb) { cb(ok(this.value)); } });
          // Compose mode: every field is an object with getAsync (Outlook's own form); read mode: plain values.
          const field = (value) => ({ value, getAsync(cb) { cb(ok(this.value)); } });
          const handlers = {};
          // The test changes Outlook's form with this, as the organizer would while the pane is open.
          office.change = (name, value) => { item[name].value = name === "start" || name === "end" ? new Date(value) : value; (handlers[name === "start" || name === "end" ? "appointmentTimeChanged" : "recipientsChanged"] || []).forEach((h) => h({})); };
          const compose = config.item && config.item.compose;
          const item = config.item === undefined ? null : {
            itemType: "appointment",
            itemId: config.item.itemId || null,
            subject: compose ? field(config.item.subject || "") : (config.item.subject || ""),
            location: compose ? field(config.item.location || "") : (config.item.location || ""),
            start: compose ? field(config.item.start ? new Date(config.item.start) : null) : (config.item.start ? new Date(config.item.start) : null),
            end: compose ? field(config.item.end ? new Date(config.item.end) : null) : null,
            requiredAttendees: compose ? recipients(config.item.required || []) : (config.item.required || []),
            optionalAttendees: compose ? recipients(config.item.optional || []) : (config.item.optional || []),
            addHandlerAsync: (type, handler) => { (handlers[type] = handlers[type] || []).push(handler); },
            removeHandlerAsync: (type) => { delete handlers[type]; },
            close: () => { office.closed = true; },
          };
          const bytes = () => Uint8Array.from(atob(office.docx), (c) => c.charCodeAt(0));
          window.Office = {
            HostType: { Outlook: "Outlook", Word: "Word" },
            AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
            FileType: { Compressed: "compressed" },
            EventType: { DialogMessageReceived: "dialogMessageReceived", AppointmentTimeChanged: "appointmentTimeChanged", RecipientsChanged: "recipientsChanged" },
            MailboxEnums: { ItemType: { Appointment: "appointment", Message: "message" }, RestVersion: { v2_0: "v2.0" } },
            onReady: (callback) => { const info = { host: config.host, platform: "OfficeOnline" }; setTimeout(() => callback && callback(info)); return Promise.resolve(info); },
            context: {
              displayLanguage: config.displayLanguage,
              requirements: { isSetSupported: (name, version) => (config.requirements || { Mailbox: "1.8", WordApi: "1.3" })[name] >= version },
              mailbox: { item, convertToRestId: (id) => id, convertToEwsId: (id) => `ews:${id}`, userProfile: { emailAddress: config.user || "" }, displayAppointmentForm: (id) => { office.opened = id; } },
              document: {
                getFileAsync: (type, options, callback) => {
                  const data = bytes();
                  const size = options.sliceSize;
                  office.sliceSizes.push(size);
                  const count = Math.max(1, Math.ceil(data.length / size));
                  callback(ok({
                    size: data.length, sliceCount: count,
                    getSliceAsync: (index, cb) => cb(ok({ index, data: Array.from(data.subarray(index * size, (index + 1) * size)) })),
                    closeAsync: (cb) => cb && cb(ok()),
                  }));
                },
              },
              ui: {},
            },
            auth: { getAccessToken: () => Promise.reject(new Error("not in this test")) },
          };
          window.Word = {
            InsertLocation: { replace: "Replace" },
            run: async (work) => work({
              document: {
                body: { insertFileFromBase64: (base64, location) => office.inserted.push({ base64, location }) },
                contentControls: { items: office.controls, load: () => {} },
              },
              sync: async () => {},
            }),
          };
        })();
        """;
}
