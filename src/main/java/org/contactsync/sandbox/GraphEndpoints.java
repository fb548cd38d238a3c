package org.contactsync.sandbox;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The contacts API's operations on one mailbox: folders, contacts, paging and delta, as Graph v1.0 answers them. */
final class GraphEndpoints {

    /** Outlook's default page size for contacts and folders. */
    static final int DEFAULT_PAGE_SIZE = 10;
    /** The largest {@code $top} Outlook honours; larger values are capped. */
    static final int MAX_PAGE_SIZE = 1000;
    /** The largest delta page (community-reported cap for contacts: 200). */
    static final int MAX_DELTA_PAGE_SIZE = 200;

    private static final Pattern MAX_PAGE_SIZE_PREFERENCE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)");

    private GraphEndpoints() {
    }

    static GraphResponse dispatch(Route route, GraphRequest request, Mailbox mailbox) {
        String method = request.method();
        synchronized (mailbox) {
            return switch (route.kind()) {
                case FOLDERS -> switch (method) {
                    case "GET" -> listFolders(request, mailbox);
                    case "POST" -> GraphResponse.json(201, GraphJson.folder(
                            mailbox.createFolder(folderName(request.body(), true).orElseThrow())));
                    default -> throw methodNotAllowed();
                };
                case FOLDER -> switch (method) {
                    case "GET" -> GraphResponse.json(200, GraphJson.folder(mailbox.folder(route.folderId().orElseThrow())));
                    case "PATCH" -> GraphResponse.json(200, GraphJson.folder(renameFolder(route, request, mailbox)));
                    case "DELETE" -> {
                        mailbox.deleteFolder(route.folderId().orElseThrow());
                        yield GraphResponse.noContent();
                    }
                    default -> throw methodNotAllowed();
                };
                case FOLDER_PERMANENT_DELETE -> {
                    if (!method.equals("POST")) {
                        throw methodNotAllowed();
                    }
                    mailbox.permanentlyDeleteFolder(route.folderId().orElseThrow());
                    yield GraphResponse.noContent();
                }
                case CONTACTS -> switch (method) {
                    case "GET" -> listContacts(route, request, mailbox);
                    case "POST" -> GraphResponse.json(201, GraphJson.contact(
                            mailbox.createContact(folderId(route, mailbox), ContactBody.parse(request.body())),
                            Set.of(), Optional.empty()));
                    default -> throw methodNotAllowed();
                };
                case CONTACT -> contact(route, request, mailbox);
                case DELTA -> {
                    if (!method.equals("GET")) {
                        throw methodNotAllowed();
                    }
                    yield delta(route, request, mailbox);
                }
                case BATCH -> throw GraphError.segmentNotFound("$batch");
            };
        }
    }

    /**
     * One contact. Under {@code /contactFolders/{id}} it must be in that folder; {@code /users/{id}/contacts/{id}} is
     * "a contact in the user's mailbox" (api-reference contact-get, contact-update, contact-delete), in any folder.
     */
    private static GraphResponse contact(Route route, GraphRequest request, Mailbox mailbox) {
        String contactId = route.contactId().orElseThrow();
        String folderId = route.folderId().orElseGet(() -> mailbox.folderOfContact(contactId));
        Optional<String> ifMatch = request.header("If-Match");
        return switch (request.method()) {
            case "GET" -> GraphResponse.json(200, GraphJson.contact(mailbox.contact(folderId, contactId),
                    ContactQuery.select(request.queryParameter("$select")),
                    ContactQuery.expandedExtendedProperties(request.queryParameter("$expand"))));
            case "PATCH" -> GraphResponse.json(200, GraphJson.contact(
                    mailbox.updateContact(folderId, contactId, ContactBody.parse(request.body()), ifMatch),
                    Set.of(), Optional.empty()));
            case "DELETE" -> {
                mailbox.deleteContact(folderId, contactId, ifMatch);
                yield GraphResponse.noContent();
            }
            default -> throw methodNotAllowed();
        };
    }

    private static String folderId(Route route, Mailbox mailbox) {
        return route.folderId().orElseGet(() -> mailbox.contactsFolder().id);
    }

    // Folders ---------------------------------------------------------------------------------------------------

    private static GraphResponse listFolders(GraphRequest request, Mailbox mailbox) {
        Predicate<ContactFolder> filter = ContactQuery.folderFilter(request.queryParameter("$filter"));
        List<JsonObject> folders = mailbox.folders().stream().filter(filter).map(GraphJson::folder).toList();
        return page(request, folders, serviceRoot(request) + "/$metadata#users('" + mailbox.userPrincipalName
                + "')/contactFolders");
    }

    private static ContactFolder renameFolder(Route route, GraphRequest request, Mailbox mailbox) {
        String folderId = route.folderId().orElseThrow();
        Optional<String> name = folderName(request.body(), false);
        return name.isPresent() ? mailbox.renameFolder(folderId, name.get()) : mailbox.folder(folderId);
    }

    /** A folder body: {@code displayName} (required on create) and annotations; nothing else is writable. */
    private static Optional<String> folderName(Optional<JsonValue> body, boolean required) {
        if (body.isEmpty() || body.get().getValueType() != JsonValue.ValueType.OBJECT) {
            throw GraphError.badRequest("ErrorInvalidRequest", "Empty Payload, JSON content expected.");
        }
        Optional<String> name = Optional.empty();
        for (Map.Entry<String, JsonValue> entry : body.get().asJsonObject().entrySet()) {
            if (entry.getKey().startsWith("@odata.")) {
                continue;
            }
            if (entry.getKey().equals("id") || entry.getKey().equals("parentFolderId")) {
                throw ContactSchema.readOnlyProperty();
            }
            if (!entry.getKey().equals("displayName")) {
                throw ContactSchema.unknownProperty(entry.getKey(), "Microsoft.OutlookServices.ContactFolder");
            }
            if (!(entry.getValue() instanceof JsonString s)) {
                throw GraphError.badRequest("RequestBodyRead", "Cannot convert the literal '" + entry.getValue()
                        + "' to the expected type 'Edm.String'.");
            }
            name = Optional.of(s.getString());
        }
        if (required && name.isEmpty()) {
            throw GraphError.badRequest("ErrorInvalidRequest", "The folder name cannot be empty.");
        }
        return name;
    }

    // Contacts --------------------------------------------------------------------------------------------------

    private static GraphResponse listContacts(Route route, GraphRequest request, Mailbox mailbox) {
        String folderId = folderId(route, mailbox);
        Set<String> select = ContactQuery.select(request.queryParameter("$select"));
        List<String> expand = ContactQuery.expandedExtendedProperties(request.queryParameter("$expand"));
        List<StoredContact> contacts = new ArrayList<>(mailbox.contacts(folderId).stream()
                .filter(ContactQuery.filter(request.queryParameter("$filter"))).toList());
        ContactQuery.orderBy(request.queryParameter("$orderby")).ifPresent(contacts::sort);
        List<JsonObject> json = contacts.stream().map(c -> GraphJson.contact(c, select, expand)).toList();
        return page(request, json, serviceRoot(request) + "/$metadata#users('" + mailbox.userPrincipalName
                + "')/contactFolders('" + folderId + "')/contacts"
                + (select.isEmpty() ? "" : "(" + String.join(",", select) + ")"));
    }

    /**
     * One page of a collection: {@code $top} items (default 10, at most 1000) from {@code $skip}, with an absolute
     * {@code @odata.nextLink} that repeats the query and advances {@code $skip}, as Outlook's links do.
     */
    private static GraphResponse page(GraphRequest request, List<JsonObject> items, String context) {
        int top = Math.min(intParameter(request, "$top", DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
        int skip = intParameter(request, "$skip", 0);
        JsonArrayBuilder value = JSON.createArrayBuilder();
        items.stream().skip(skip).limit(top).forEach(value::add);
        JsonObjectBuilder json = JSON.createObjectBuilder().add("@odata.context", context).add("value", value);
        if (skip + top < items.size()) {
            Map<String, String> query = new LinkedHashMap<>();
            for (String option : List.of("$filter", "$select", "$expand", "$orderby")) {
                request.queryParameter(option).ifPresent(v -> query.put(option, v));
            }
            query.put("$top", Integer.toString(top));
            query.put("$skip", Integer.toString(skip + top));
            json.add("@odata.nextLink", link(request, query));
        }
        return GraphResponse.json(200, json.build());
    }

    private static int intParameter(GraphRequest request, String name, int fallback) {
        Optional<String> text = request.queryParameter(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get().trim());
            if (value < 0 || (name.equals("$top") && value == 0)) {
                throw new NumberFormatException(text.get());
            }
            return value;
        } catch (NumberFormatException e) {
            throw GraphError.badRequest("BadRequest", "Invalid value '" + text.get() + "' for query option '" + name + "'.");
        }
    }

    // Delta -----------------------------------------------------------------------------------------------------

    /**
     * A delta page. The first request (no token) starts an initial round over what exists; {@code $skiptoken}
     * continues a round; {@code $deltatoken} starts the next round with what changed since, deletions as
     * {@code @removed}. Every page served makes a new sync-state generation of the folder, which the page's next or
     * delta link carries; the folder keeps only the newest few, and a token of an older one gets 410
     * SyncStateNotFound with a {@code Location} that starts over ("the former nextLink will gradually turn to
     * SyncStateNotFound": microsoft-graph-docs issue 2162; the generations kept: issues 2350 and 2877).
     */
    private static GraphResponse delta(Route route, GraphRequest request, Mailbox mailbox) {
        String folderId = folderId(route, mailbox);
        mailbox.folder(folderId);
        Optional<Integer> preferredPageSize = request.header("Prefer").flatMap(GraphEndpoints::maxPageSize);
        DeltaToken round = startOrContinue(request, mailbox, folderId, preferredPageSize);
        int pageSize = preferredPageSize.map(n -> Math.min(n, MAX_DELTA_PAGE_SIZE)).orElse(round.pageSize());
        Set<String> select = ContactQuery.select(Optional.of(round.select()));
        List<Mailbox.Change> changes = mailbox.changes(folderId, Math.max(round.after(), round.cursor()), round.upTo(),
                !round.initial());
        JsonArrayBuilder value = JSON.createArrayBuilder();
        changes.stream().limit(pageSize).forEach(change -> value.add(change.contact()
                .map(c -> GraphJson.contact(c, select, Optional.empty()))
                .orElseGet(() -> JSON.createObjectBuilder()
                        .add("@odata.type", "#microsoft.graph.contact")
                        .add("id", change.id())
                        .add("@removed", JSON.createObjectBuilder().add("reason", "deleted"))
                        .build())));
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("@odata.context", serviceRoot(request) + "/$metadata#Collection(contact)")
                .add("value", value);
        long syncState = mailbox.newSyncState(folderId);
        if (changes.size() > pageSize) {
            long cursor = changes.get(pageSize - 1).sequence();
            DeltaToken next = new DeltaToken(folderId, syncState, round.after(), round.upTo(), cursor,
                    round.initial(), round.select(), pageSize);
            json.add("@odata.nextLink", link(request, Map.of("$skiptoken", next.encode())));
        } else {
            DeltaToken done = new DeltaToken(folderId, syncState, round.upTo(), round.upTo(), round.upTo(),
                    false, round.select(), pageSize);
            json.add("@odata.deltaLink", link(request, Map.of("$deltatoken", done.encode())));
        }
        GraphResponse response = GraphResponse.json(200, json.build());
        return preferredPageSize.isPresent()
                ? response.withHeader("Preference-Applied", "odata.maxpagesize=" + pageSize) : response;
    }

    private static DeltaToken startOrContinue(GraphRequest request, Mailbox mailbox, String folderId,
                                              Optional<Integer> preferredPageSize) {
        Optional<String> skipToken = request.queryParameter("$skiptoken").filter(t -> !t.isBlank());
        Optional<String> deltaToken = request.queryParameter("$deltatoken").filter(t -> !t.isBlank());
        int pageSize = preferredPageSize.map(n -> Math.min(n, MAX_DELTA_PAGE_SIZE)).orElse(DEFAULT_PAGE_SIZE);
        if (skipToken.isEmpty() && deltaToken.isEmpty()) {
            String select = request.queryParameter("$select").orElse("");
            ContactQuery.select(Optional.of(select));
            return new DeltaToken(folderId, 0, 0, mailbox.changeSequence(), 0, true, select, pageSize);
        }
        DeltaToken token = DeltaToken.decode(skipToken.orElseGet(deltaToken::orElseThrow));
        if (!token.folderId().equals(folderId)) {
            throw GraphError.badRequest("ErrorInvalidSyncStateData", "The sync state belongs to another folder.");
        }
        mailbox.requireSyncState(folderId, token.syncState(), link(request, Map.of("$deltatoken", "")));
        if (skipToken.isPresent()) {
            return token;
        }
        return new DeltaToken(folderId, token.syncState(), token.upTo(), mailbox.changeSequence(), token.upTo(), false,
                token.select(), token.pageSize());
    }

    private static Optional<Integer> maxPageSize(String prefer) {
        Matcher m = MAX_PAGE_SIZE_PREFERENCE.matcher(prefer);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(m.group(1))).filter(n -> n > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // Links -----------------------------------------------------------------------------------------------------

    private static String serviceRoot(GraphRequest request) {
        return request.serviceRoot();
    }

    /** An absolute link to the same resource with the given query, pointing at the sandbox itself. */
    private static String link(GraphRequest request, Map<String, String> query) {
        StringBuilder url = new StringBuilder(request.serviceRoot());
        for (String segment : request.path().split("/")) {
            if (!segment.isEmpty()) {
                url.append('/').append(encodeSegment(segment));
            }
        }
        String separator = "?";
        for (Map.Entry<String, String> option : query.entrySet()) {
            url.append(separator).append(option.getKey()).append('=').append(encode(option.getValue()));
            separator = "&";
        }
        return url.toString();
    }

    private static String encodeSegment(String segment) {
        return encode(segment).replace("%40", "@").replace("%28", "(").replace("%29", ")").replace("%24", "$")
                .replace("%3D", "=");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static GraphError methodNotAllowed() {
        return new GraphError(405, "ErrorInvalidRequest", "The OData request is not supported.");
    }
}
