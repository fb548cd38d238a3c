package org.contactsync.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser session on the deployed application, played over plain HTTP: it keeps cookies, never follows a
 * redirect by itself, asks for English pages, and posts JSF forms (full and PrimeFaces AJAX) the way the rendered
 * pages would, carrying their {@code jakarta.faces.ViewState}.
 *
 * <p>It exists next to the Selenium {@link Browser} because it is the light way to drive JSF pages: no Chromium to
 * start, and every status code, redirect and header stays visible to the test (a 302 to the login page, a 403, a
 * missing {@code Set-Cookie}), which a real browser follows or hides. Use {@link Browser} for what needs
 * JavaScript and rendering; use this for security rules and server answers.
 */
public final class FacesSession {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSP_NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");
    private static final String LOGIN_PAGE = "login.xhtml";

    private final URL base;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A new session, not signed in, on the application deployed at {@code base} (ending in {@code /}). */
    public FacesSession(URL base) {
        this.base = base;
    }

    /** A new session that has signed in as {@code userName}; fails the test unless the sign-in redirects (302). */
    public static FacesSession signedIn(URL base, String userName, String password)
            throws IOException, InterruptedException {
        var session = new FacesSession(base);
        assertEquals(302, session.signIn(userName, password).statusCode(), "signed in");
        return session;
    }

    /**
     * An employee made for one test on the Users page by {@code admin} (a session signed in as an administrator),
     * named {@code prefix} plus a unique suffix so that tests sharing a server never meet; returns the user name and
     * the one-time password the page showed once.
     */
    public static Credentials newEmployee(FacesSession admin, String prefix) throws IOException, InterruptedException {
        var userName = prefix + Long.toString(System.nanoTime(), 36);
        return newEmployeeNamed(admin, userName, userName + "@contoso.example");
    }

    /** {@link #newEmployee(FacesSession, String)} with this Microsoft 365 e-mail. */
    public static Credentials newEmployee(FacesSession admin, String prefix, String email)
            throws IOException, InterruptedException {
        return newEmployeeNamed(admin, prefix + Long.toString(System.nanoTime(), 36), email);
    }

    private static Credentials newEmployeeNamed(FacesSession admin, String userName, String email)
            throws IOException, InterruptedException {
        var path = "users/card.xhtml?new=true";
        var page = admin.get(path).body();
        var fields = textInputsOf(page, "cardForm");
        fields.put("cardForm:userName", userName);
        fields.put("cardForm:fullName", "Test " + userName);
        fields.put("cardForm:authenticationEmail", email);
        fields.put("cardForm:state_input", "true");
        fields.put("cardForm:roles", "EMPLOYEE");
        var created = admin.ajax(path, page, "cardForm", "cardForm:save", fields);
        var password = Pattern.compile("<code id=\"secretValue\">([^<]+)</code>").matcher(created);
        assertTrue(password.find(), created);
        return new Credentials(userName, password.group(1));
    }

    /** A user name and its password. */
    public record Credentials(String userName, String password) {
    }

    /** GET of {@code path} relative to the application's root. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url(path)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Fills in and submits the login form ({@code loginForm}) as the login page renders it; the answer is returned
     * as it comes (a 302 on success, the page with its messages otherwise).
     */
    public HttpResponse<String> signIn(String userName, String password) throws IOException, InterruptedException {
        var form = new LinkedHashMap<String, String>();
        form.put("loginForm", "loginForm");
        form.put("username", userName);
        form.put("password", password);
        form.put("signIn", "");
        var page = get(LOGIN_PAGE).body();
        form.put("jakarta.faces.ViewState", viewState(page));
        form.putAll(cspNonce(page));
        return post(LOGIN_PAGE, form, Map.of());
    }

    /**
     * A PrimeFaces AJAX request from the component {@code source} of {@code form} on {@code page} (the HTML last
     * rendered at {@code path}, for its view state), rendering the whole form. An input among {@code fields}
     * executes itself, as its own behaviour would; a button executes the whole form. Fails the test unless the
     * answer is 200, and returns the partial response's XML.
     */
    public String ajax(String path, String page, String form, String source, Map<String, String> fields)
            throws IOException, InterruptedException {
        var response = ajaxResponse(path, page, form, source, fields);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** {@link #ajax}, with the answer as it came, whatever its status. */
    public HttpResponse<String> ajaxResponse(String path, String page, String form, String source,
            Map<String, String> fields) throws IOException, InterruptedException {
        var data = new LinkedHashMap<String, String>(fields);
        data.put("jakarta.faces.partial.ajax", "true");
        data.put("jakarta.faces.source", source);
        data.put("jakarta.faces.partial.execute", fields.containsKey(source) ? source : form);
        data.put("jakarta.faces.partial.render", form);
        data.putIfAbsent(source, source);  // a button names itself; an input sends its value
        data.put(form, form);
        data.put("jakarta.faces.ViewState", viewState(page));
        data.putAll(cspNonce(page));
        return post(path, data, Map.of("Faces-Request", "partial/ajax"));
    }

    /**
     * A full (non-AJAX) postback of {@code fields} to {@code path}, with the view state and CSP nonce of
     * {@code page}, as a browser submits a form; the answer as it came.
     */
    public HttpResponse<String> submit(String path, String page, Map<String, String> fields)
            throws IOException, InterruptedException {
        var data = new LinkedHashMap<String, String>(fields);
        data.put("jakarta.faces.ViewState", viewState(page));
        data.putAll(cspNonce(page));
        return post(path, data, Map.of());
    }

    /**
     * The text inputs of {@code form} on {@code page}, by client id in page order, with the values the page shows;
     * the map is the caller's to add the form's other fields to.
     */
    public static Map<String, String> textInputsOf(String page, String form) {
        var fields = new LinkedHashMap<String, String>();
        var input = Pattern.compile(
                "<input id=\"(" + Pattern.quote(form) + ":[A-Za-z]+)\" name=\"\\1\" type=\"text\" value=\"([^\"]*)\"")
                .matcher(page);
        while (input.find()) {
            fields.put(input.group(1), input.group(2));
        }
        return fields;
    }

    private HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en");
        headers.forEach(request::header);
        return client.send(request.POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * The page's CSP nonce as PrimeFaces' script sends it with every postback ({@code primefaces.CSP} is on; the
     * server refuses a postback without it); none when the page has none.
     */
    public static Map<String, String> cspNonce(String page) {
        var matcher = CSP_NONCE.matcher(page);
        return matcher.find() ? Map.of("primefaces.nonce", matcher.group(1)) : Map.of();
    }

    private static String viewState(String page) {
        var matcher = VIEW_STATE.matcher(page);
        assertTrue(matcher.find(), "the page carries a view state");
        return matcher.group(1);
    }

    private URI url(String path) {
        return URI.create(base.toString() + path);
    }
}
