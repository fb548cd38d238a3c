package org.contactsync.restapi;


import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.contactsync.api.CrossSiteRequests;
import org.contactsync.api.JsonBodyLimits;
import org.contactsync.api.ProblemMappers;
import org.contactsync.api.StrictJsonb;
import org.contactsync.contact.api.ContactResource;
import org.contactsync.employee.api.MeResource;
import org.contactsync.employee.api.UserResource;
import org.contactsync.exchange.api.ContactSyncSetupResource;
import org.contactsync.jobqueue.api.JobQueueEntryResource;
import org.contactsync.sync.api.SyncRunResource;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, version 1. HTTP Basic with the user name and the user's web service access key. */
@ApplicationPath(RestApplication.PATH)
@OpenAPIDefinition(
        info = @Info(title = "Contact Sync API", version = "1",
                description = "Contacts and contact sync. Sign in with HTTP Basic: user name and web service access key."),
        security = @SecurityRequirement(name = "accessKey"))
@SecurityScheme(securitySchemeName = "accessKey", type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {

    public static final String PATH = "/api/v1";

    /** Jersey's switch, named by its text: the application compiles against the Jakarta EE API only. */
    static final String DISABLE_WADL = "jersey.config.server.wadl.disableWadl";

    /**
     * The API's resources, listed rather than scanned: the WAR holds a second JAX-RS application (the Microsoft 365
     * sandbox) whose Graph resources must not appear under {@value #PATH}. Add each feature's resource here.
     */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ContactResource.class,
                ProblemMappers.ApplicationExceptionMapper.class,
                ProblemMappers.ConstraintViolationMapper.class,
                ProblemMappers.WebApplicationExceptionMapper.class,
                ProblemMappers.JsonMapper.class,
                ProblemMappers.ProcessingMapper.class,
                ProblemMappers.UnexpectedMapper.class,
                CrossSiteRequests.class,
                JsonBodyLimits.class,
                StrictJsonb.class,
                MeResource.class,
                UserResource.class,
                ContactSyncSetupResource.class,
                SyncRunResource.class,
                JobQueueEntryResource.class);
    }

    /** No WADL (OPTIONS, application.wadl): it would name the JAX-RS implementation. /openapi describes the API. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of(DISABLE_WADL, true);
    }
}
