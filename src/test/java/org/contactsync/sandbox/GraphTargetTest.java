package org.contactsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real tenant the environment names for {@link RealTenantGraphSdkIT}. */
class GraphTargetTest {

    private static Map<String, String> complete() {
        Map<String, String> environment = new HashMap<>();
        environment.put("CONTACTSYNC_REAL_TENANT_ID", "11111111-2222-3333-4444-555555555555");
        environment.put("CONTACTSYNC_REAL_CLIENT_ID", "66666666-7777-8888-9999-000000000000");
        environment.put("CONTACTSYNC_REAL_CLIENT_SECRET", "the-real-secret");
        environment.put("CONTACTSYNC_REAL_MAILBOX", "test.user@contoso.onmicrosoft.com");
        return environment;
    }

    @Test
    void withoutEveryVariableThereIsNoTargetAndTheMissingOnesAreNamed() {
        Map<String, String> environment = complete();
        environment.remove("CONTACTSYNC_REAL_CLIENT_SECRET");
        environment.put("CONTACTSYNC_REAL_MAILBOX", "  ");
        assertTrue(GraphTarget.realTenant(environment).isEmpty());
        assertEquals(List.of("CONTACTSYNC_REAL_CLIENT_SECRET", "CONTACTSYNC_REAL_MAILBOX"),
                GraphTarget.missingVariables(environment));
        assertEquals(GraphTarget.REAL_TENANT_VARIABLES, GraphTarget.missingVariables(Map.of()));
    }

    @Test
    void theGlobalServiceIsTheDefaultAndTheTokenScopeFollowsANationalCloudsHost() {
        GraphTarget global = GraphTarget.realTenant(complete()).orElseThrow();
        assertEquals("https://graph.microsoft.com/v1.0", global.graphBaseUrl());
        assertEquals("https://login.microsoftonline.com", global.authorityHost());
        assertEquals("https://graph.microsoft.com/.default", global.tokenScope());

        Map<String, String> usGovernment = complete();
        usGovernment.put("CONTACTSYNC_REAL_GRAPH_ENDPOINT", "https://graph.microsoft.us/v1.0");
        usGovernment.put("CONTACTSYNC_REAL_AUTHORITY_HOST", "https://login.microsoftonline.us");
        GraphTarget national = GraphTarget.realTenant(usGovernment).orElseThrow();
        assertEquals("https://login.microsoftonline.us", national.authorityHost());
        assertEquals("https://graph.microsoft.us/.default", national.tokenScope());
    }

    @Test
    void theSecretIsNeverShownInAReport() {
        GraphTarget target = GraphTarget.realTenant(complete()).orElseThrow();
        assertFalse(target.toString().contains("the-real-secret"), target.toString());
        assertTrue(target.toString().contains("test.user@contoso.onmicrosoft.com"), target.toString());
    }
}
