/** @type {import('next').NextConfig} */

const isDevelopment = process.env.NODE_ENV !== 'production';

function originOf(url) {
  try {
    return url ? new URL(url).origin : '';
  } catch {
    return '';
  }
}

// Next inlines its bootstrap scripts and Recharts sets inline styles, hence
// 'unsafe-inline'; development also needs eval and a websocket for reloads.
function contentSecurityPolicy() {
  const identityProvider = originOf(process.env.OIDC_ISSUER);
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(isDevelopment ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(isDevelopment ? ['ws:', 'wss:'] : [])],
    'form-action': ["'self'", ...(identityProvider ? [identityProvider] : [])],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  };

  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

function securityHeaders() {
  const headers = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy() },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ];
  // Only when GreenOps is served over TLS: HSTS on plain http locks browsers out.
  if (process.env.GREENOPS_TLS === '1') {
    headers.push({ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' });
  }

  return headers;
}

const nextConfig = {
  poweredByHeader: false,
  agentRules: false,
  experimental: { agentUpgrade: false },
  serverExternalPackages: ['pdfkit', 'exceljs', '@electric-sql/pglite', 'pg'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders() }];
  },
};

module.exports = nextConfig;
