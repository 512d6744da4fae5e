using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Host.Accounts.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ApiWebhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WebhookSecret",
                table: "ApiClients",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "WebhookUrl",
                table: "ApiClients",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WebhookSecret",
                table: "ApiClients");

            migrationBuilder.DropColumn(
                name: "WebhookUrl",
                table: "ApiClients");
        }
    }
}
