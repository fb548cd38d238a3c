package org.contactsync.contact.api;

import static org.contactsync.platform.JsonProviders.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.contactsync.api.Problem;
import org.contactsync.api.ProblemMappers;
import org.contactsync.contact.CompanyPersonsChoice;
import org.contactsync.contact.Contact;
import org.contactsync.contact.ContactData;
import org.contactsync.contact.ContactFilter;
import org.contactsync.contact.ContactMessages;
import org.contactsync.contact.ContactService;
import org.contactsync.contact.ContactSort;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Contacts over HTTP: list (paged, filtered, sorted), get, create, merge-patch and delete. The ETag of a contact is
 * its version; PATCH with If-Match refuses (412) to overwrite a contact someone else changed.
 */
@Path("contacts")
@RequestScoped
@RolesAllowed({"admin", "employee"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "Business Central contacts: companies and persons")
public class ContactResource {

    static final int MAX_LIMIT = 500;
    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    ContactService contacts;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "List contacts", description = "Sorted by Company Name, Company No., Type, Name unless "
            + "sort names a field (prefix - for descending). name, email and city take Business Central's filter "
            + "syntax (*berg, A|B, <>X, @ to ignore case, ...); a plain value is found anywhere in the field, ignoring "
            + "case. A filter that is not valid syntax is a 400 naming the parameter.")
    @APIResponse(responseCode = "200", description = "One page of contacts",
            content = @Content(schema = @Schema(implementation = ContactListDto.class)))
    @APIResponse(responseCode = "400", description = "An invalid parameter", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContactListDto list(
            @QueryParam("offset") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER))
            String offsetText,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to " + MAX_LIMIT,
                    schema = @Schema(type = SchemaType.INTEGER)) String limitText,
            @QueryParam("sort") @DefaultValue("") @Parameter(example = "-lastModifiedAt") String sort,
            @QueryParam("q") @DefaultValue("") @Parameter(description = "Search: text anywhere in No., Name, Company "
                    + "Name, E-Mail, Phone No. or City") String search,
            @QueryParam("type") @DefaultValue("") @Parameter(schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"Company", "Person"})) String type,
            @QueryParam("name") @DefaultValue("") String name,
            @QueryParam("companyNo") @DefaultValue("") String companyNo,
            @QueryParam("email") @DefaultValue("") String email,
            @QueryParam("city") @DefaultValue("") String city,
            @QueryParam("modifiedSince") @DefaultValue("") @Parameter(description = "ISO-8601 instant, e.g. "
                    + "2026-01-31T12:00:00Z") String modifiedSince) {
        // Read as text: JAX-RS answers 404, not 400, when a query parameter does not convert to int.
        var offset = integer("offset", offsetText).filter(n -> n >= 0)
                .orElseThrow(() -> badParameter("offset", offsetText));
        var limit = integer("limit", limitText).filter(n -> n >= 1 && n <= MAX_LIMIT)
                .orElseThrow(() -> invalid("limit", ContactMessages.of("contact.api.badLimit", MAX_LIMIT)));
        var filter = ContactFilter.NONE.withSearch(search).withName(name).withCompanyNo(companyNo)
                .withEmail(email).withCity(city)
                .withType(type.isBlank() ? Optional.empty() : Optional.of(ContactJson.parseType(type)
                        .orElseThrow(() -> badParameter("type", type))))
                .withModifiedSince(instant(modifiedSince));
        var total = contacts.count(filter);
        var items = contacts.list(filter, sortOf(sort), offset, limit).stream().map(ContactJson::response).toList();
        var next = offset + limit < total
                ? uri.getRequestUriBuilder().replaceQueryParam("offset", offset + limit).build().toString()
                : null;
        return new ContactListDto(items, total, offset, limit, next);
    }

    @GET
    @Path("{no}")
    @Operation(summary = "Get a contact", description = "The ETag header carries the contact's version.")
    @APIResponse(responseCode = "200", description = "The contact",
            content = @Content(schema = @Schema(ref = ContactSchema.NAME)))
    @APIResponse(responseCode = "404", description = "No contact has this No.", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("no") String no) {
        return withEtag(Response.ok(), contacts.get(no)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a contact", description = "The No. comes from the Contact Nos. number series.")
    @RequestBody(content = @Content(schema = @Schema(ref = ContactSchema.NAME)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new contact",
            content = @Content(schema = @Schema(ref = ContactSchema.NAME)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(InputStream body) {
        var created = contacts.create(ContactJson.read(jsonObject(body)));
        var location = uri.getAbsolutePathBuilder().path(created.getNo()).build();
        return withEtag(Response.created(location), created).build();
    }

    @PATCH
    @Path("{no}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change a contact", description = "A JSON merge patch (RFC 7396): fields present are "
            + "set, null clears a field. Send If-Match with the ETag to refuse overwriting someone else's change.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(ref = ContactSchema.NAME)))
    @APIResponse(responseCode = "200", description = "The changed contact",
            content = @Content(schema = @Schema(ref = ContactSchema.NAME)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No contact has this No.")
    @APIResponse(responseCode = "409", description = "Changed by someone else while this change was saved")
    @APIResponse(responseCode = "412", description = "If-Match does not match the contact's current ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("no") String no, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          InputStream body) {
        var patch = jsonObject(body);
        var current = contacts.get(no);
        if (ifMatch != null && !matches(ifMatch, current.getVersion())) {
            return Problem.of(412, "Precondition Failed", ContactMessages.of("contact.changedBySomeoneElse",
                    current.getNo()).in(ProblemMappers.locale(headers))).toResponse();
        }
        var changed = contacts.update(current.getNo(), current.getVersion(),
                ContactJson.patch(ContactData.of(current), patch));
        return withEtag(Response.ok(), changed).build();
    }

    @DELETE
    @Path("{no}")
    @Operation(summary = "Delete a contact", description = "A company with persons needs persons=delete (delete "
            + "them too) or persons=keep (keep them without a company).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No contact has this No.")
    @APIResponse(responseCode = "409", description = "A company with persons and no persons parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("no") String no,
                           @QueryParam("persons") @DefaultValue("") @Parameter(schema = @Schema(
                                   type = SchemaType.STRING, enumeration = {"delete", "keep"})) String persons) {
        contacts.delete(no, personsChoice(persons));
        return Response.noContent().build();
    }

    private static Optional<CompanyPersonsChoice> personsChoice(String persons) {
        if (persons.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CompanyPersonsChoice.valueOf(persons.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw invalid("persons", ContactMessages.of("contact.api.badPersons"));
        }
    }

    private static ContactSort sortOf(String sort) {
        if (sort.isBlank()) {
            return ContactSort.DEFAULT;
        }
        var descending = sort.startsWith("-");
        return ContactSort.of(descending ? sort.substring(1) : sort, !descending)
                .orElseThrow(() -> invalid("sort", ContactMessages.of("contact.api.badSort",
                        String.join(", ", ContactSort.fields().stream().sorted().toList()))));
    }

    private static Optional<Integer> integer(String name, String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw badParameter(name, text);
        }
    }

    private static Optional<Instant> instant(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw badParameter("modifiedSince", text);
        }
    }

    private static JsonObject jsonObject(InputStream body) {
        try (var reader = JSON.createReader(body)) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            // JsonParsingException for broken JSON, JsonException/IllegalStateException for an array or a scalar.
            throw new ApplicationException(Kind.INVALID, ContactMessages.of("contact.api.badJson"));
        }
    }

    /** An If-Match header holds the version as a strong or weak entity tag, or several, or *. */
    private static boolean matches(String ifMatch, long version) {
        return List.of(ifMatch.split(",")).stream()
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals("\"" + version + "\""));
    }

    private static Response.ResponseBuilder withEtag(Response.ResponseBuilder response, Contact contact) {
        return response.tag(new EntityTag(String.valueOf(contact.getVersion()))).entity(ContactJson.response(contact));
    }

    private static ApplicationException badParameter(String name, String value) {
        return invalid(name, ContactMessages.of("contact.api.badParameter", value));
    }

    private static ApplicationException invalid(String field, org.contactsync.platform.LocalizedMessage message) {
        return new ApplicationException(Kind.INVALID, ContactMessages.of("contact.api.invalidParameters"),
                List.of(new FieldProblem(field, message)));
    }
}
