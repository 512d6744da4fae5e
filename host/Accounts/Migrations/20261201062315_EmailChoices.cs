using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Host.Accounts.Migrations
{
    /// <inheritdoc />
    public partial class EmailChoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The yes/no becomes a choice of three: who had opted out chose no e-mail; everyone else keeps one per notification.
            migrationBuilder.AddColumn<string>(
                name: "Emails",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "EachNotification");

            migrationBuilder.Sql("""UPDATE "AspNetUsers" SET "Emails" = 'None' WHERE "OptedOutOfEmails" = 1""");

            migrationBuilder.DropColumn(
                name: "OptedOutOfEmails",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<long>(
                name: "DigestFrom",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "MailDigests",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpTo = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    RetryAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailDigests", x => x.AccountId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailDigests");

            migrationBuilder.AddColumn<bool>(
                name: "OptedOutOfEmails",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Back to a yes/no: a daily summary was still e-mail.
            migrationBuilder.Sql("""UPDATE "AspNetUsers" SET "OptedOutOfEmails" = 1 WHERE "Emails" = 'None'""");

            migrationBuilder.DropColumn(
                name: "DigestFrom",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Emails",
                table: "AspNetUsers");
        }
    }
}
