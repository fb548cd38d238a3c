// The Contact Card never loses a typed value silently (issue 13; ContactCardView). While a value typed on the card
// is not saved, leaving the page (Back, a link, closing the tab) asks first, with the browser's own question.
// A value is unsaved from the keystroke until the server has answered the change of its field; after that the
// server says (data-unsaved on the card's state): a new contact's typed values wait for Save, an existing contact's
// are saved as each field is left unless a value was refused.
var ContactCard = (function () {
    var typing = false;
    var leaving = false;

    function unsavedOnServer() {
        var state = document.querySelector(".app-card-state");
        return state !== null && state.getAttribute("data-unsaved") === "true";
    }

    document.addEventListener("input", function (event) {
        if (event.target.closest && event.target.closest("form[id='contactCard']")) {
            typing = true;
        }
    }, true);

    window.addEventListener("beforeunload", function (event) {
        if (!leaving && (typing || unsavedOnServer())) {
            event.preventDefault();
            event.returnValue = "";
        }
    });

    return {
        /** The server answered a field's change. */
        answered: function () {
            typing = false;
        },
        /** Save answered: a new contact was inserted, so its card opens without asking. */
        saved: function (args) {
            typing = false;
            if (args && args.open) {
                leaving = true;
                window.location.href = args.open;
            }
        }
    };
})();
