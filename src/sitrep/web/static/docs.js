// Starts Swagger UI on /docs from a file of the site, so the docs page keeps the page's CSP (no inline script).
window.addEventListener("DOMContentLoaded", () => {
  SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
});
