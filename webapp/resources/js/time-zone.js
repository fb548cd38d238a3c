// Tells the server the browser's time zone, so that pages show every date-time in the viewer's zone
// (org.contactsync.platform.web.ViewerTime). A cookie rather than a form field: it reaches every request, also the
// first page after sign-in, and it holds nothing secret.
(function () {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
        document.cookie = "contactsync-time-zone=" + encodeURIComponent(zone)
            + "; path=/; max-age=31536000; SameSite=Lax" + (location.protocol === "https:" ? "; Secure" : "");
    }
})();
