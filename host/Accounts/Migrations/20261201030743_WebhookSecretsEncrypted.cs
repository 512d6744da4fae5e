using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Host.Accounts.Migrations
{
    /// <inheritdoc />
    public partial class WebhookSecretsEncrypted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
