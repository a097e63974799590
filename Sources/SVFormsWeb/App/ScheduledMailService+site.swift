import SVFormsBackground

extension ScheduledMailService {
    /// The reminders and digests of this site's questionnaires, composed and queued as the site does.
    init(site: Site) {
        self.init(
            database: site.database, catalog: site.catalog, mail: site.mail, wakeup: site.mailWakeup,
            digestHour: site.configuration.digestHour, now: site.configuration.now, logger: site.logger)
    }
}
