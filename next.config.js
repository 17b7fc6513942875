/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['pdfkit', 'exceljs', '@electric-sql/pglite', 'pg'],
};

module.exports = nextConfig;
