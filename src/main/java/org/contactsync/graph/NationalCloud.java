package org.contactsync.graph;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Microsoft Graph's deployments, by the host of their service root ({@code concepts/deployments.md}): each with the
 * Entra ID authority that issues its tokens and whether it offers contact delta, which the sync's incremental runs
 * use. A token's scope names the deployment's own Graph host ({@code concepts/sdks/national-clouds.md}: "any
 * permission scope value (including the .default scope) that contains the Microsoft Graph domain MUST use the
 * domain of the Microsoft Graph service root endpoint for the national cloud deployment").
 */
enum NationalCloud {
    GLOBAL("graph.microsoft.com", "https://login.microsoftonline.com", "Microsoft Graph global service", true),
    US_GOVERNMENT_L4("graph.microsoft.us", "https://login.microsoftonline.us", "Microsoft Graph for US Government L4", true),
    US_GOVERNMENT_L5_DOD("dod-graph.microsoft.us", "https://login.microsoftonline.us",
            "Microsoft Graph for US Government L5 (DOD)", true),
    /**
     * contact: delta's national-cloud table ({@code api-reference/includes/global-us.md}) leaves 21Vianet out, while
     * {@code concepts/delta-query-overview.md} lists it among the clouds with delta queries: the documents disagree,
     * and the API's own page wins.
     */
    CHINA_21VIANET("microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn",
            "Microsoft Graph China operated by 21Vianet", false);

    private final String graphHost;
    private final String authorityHost;
    private final String displayName;
    private final boolean offersContactDelta;

    NationalCloud(String graphHost, String authorityHost, String displayName, boolean offersContactDelta) {
        this.graphHost = graphHost;
        this.authorityHost = authorityHost;
        this.displayName = displayName;
        this.offersContactDelta = offersContactDelta;
    }

    /** The deployment whose Graph host this is; empty for any other host (a gateway, the sandbox). */
    static Optional<NationalCloud> ofGraphHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(cloud -> cloud.graphHost.equals(lower)).findFirst();
    }

    /** The {@code .default} scope of the client-credentials flow for this deployment. */
    String scope() {
        return "https://" + graphHost + "/.default";
    }

    String authorityHost() {
        return authorityHost;
    }

    String displayName() {
        return displayName;
    }

    boolean offersContactDelta() {
        return offersContactDelta;
    }
}
