using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Host.Accounts.Migrations
{
    /// <inheritdoc />
    public partial class AccountMailClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "AccountMails",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                table: "AccountMails",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "AccountMails");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "AccountMails");
        }
    }
}
