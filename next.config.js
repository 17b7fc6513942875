/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  agentRules: false,
  experimental: { agentUpgrade: false },
  serverExternalPackages: ['pdfkit', 'exceljs', '@electric-sql/pglite', 'pg'],
};

module.exports = nextConfig;
